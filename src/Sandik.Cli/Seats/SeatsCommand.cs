using System.Text.Encodings.Web;
using System.Text.Json;
using Sandik.Cli.CommandLine;
using Sandik.Cli.Loading;
using Sandik.Domain.Seats;
using Sandik.Domain.Tallies;
using Spectre.Console;

namespace Sandik.Cli.Seats;

/// <summary><c>sandik seats</c>: the seats of a parliamentary race from its counted votes.</summary>
public static class SeatsCommand
{
    public const string Usage = """
        sandik seats --election ID (--input FILE | --store CONN) [--sources ID,ID] [--margins] [--format table|csv|json]
          Allocates the seats of the election's parliamentary race: D'Hondt per electoral district, the national
          threshold, and the votes cast abroad spread over the districts (see docs/seats.md). --margins lists
          instead every electoral district's last seat, the party next in line and how close it was, closest first.
        """;

    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> argv, CancellationToken ct)
    {
        var args = Arguments.Parse(argv, RaceOptions.Valued, ["--margins"]);
        var format = OutputFormats.From(args);
        if (args.Has("--input")) args.Require("--election");
        var live = await RaceOptions.LoadAsync(context, args, ct);
        if (live.Race.Seats is null)
            throw new UsageException($"Race '{live.Race.Id}' of '{live.Election.Id}' allocates no seats; give a parliamentary election with '--election'.");
        var view = RaceOptions.View(live, args);
        if (args.Has("--margins"))
        {
            WriteMargins(live, LiveSeats.Count(live.Election, live.Race, live.Geography, a => live.Totals(a, view)).LastSeats(), format, context.Out);
            return 0;
        }
        Write(live, LiveSeats.Allocate(live, view), format, context.Out);
        return 0;
    }

    private static void WriteMargins(LiveRace live, IReadOnlyList<SeatMargin> margins, OutputFormat format, TextWriter output)
    {
        string Id(int choice) => live.Race.Choices[choice].Id;
        switch (format)
        {
            case OutputFormat.Json:
                output.WriteLine(JsonSerializer.Serialize(margins.Select(m => new
                {
                    constituency = m.Constituency.Code,
                    name = m.Constituency.Name,
                    magnitude = m.Constituency.Magnitude,
                    valid = Math.Round(m.Valid),
                    holder = Id(m.Holder),
                    holderSeats = m.HolderSeats,
                    challenger = Id(m.Challenger),
                    challengerSeats = m.ChallengerSeats,
                    quotientGap = Math.Round(m.QuotientGap, 1),
                    votesToMove = m.VotesToMove,
                    votesToGain = m.VotesToGain,
                }), new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                break;
            case OutputFormat.Csv:
                output.WriteLine("constituency,name,magnitude,valid,holder,holder_seats,challenger,challenger_seats,quotient_gap,votes_to_move,votes_to_gain");
                foreach (var m in margins)
                    output.WriteLine(FormattableString.Invariant(
                        $"{m.Constituency.Code},\"{m.Constituency.Name}\",{m.Constituency.Magnitude},{Math.Round(m.Valid)},{Id(m.Holder)},{m.HolderSeats},{Id(m.Challenger)},{m.ChallengerSeats},{m.QuotientGap:F1},{m.VotesToMove},{m.VotesToGain}"));
                break;
            default:
                var console = Consoles.For(output);
                console.MarkupLine($"[bold]{Markup.Escape(live.Election.Name.Tr)}[/]: son sandalyeler / last seats, closest first");
                var table = new Table().Border(TableBorder.Simple).AddColumns("Çevre / district", "MV", "Son / last seat", "Sıradaki / next", "Bölüm farkı / gap", "Seçmen / to move", "Ek oy / to gain");
                foreach (var m in margins)
                    table.AddRow(Markup.Escape(m.Constituency.Name), $"{m.Constituency.Magnitude}", Markup.Escape($"{live.Race.Choices[m.Holder].Name} ({m.HolderSeats})"),
                        Markup.Escape($"{live.Race.Choices[m.Challenger].Name} ({m.ChallengerSeats + 1})"), $"{m.QuotientGap:N0}", $"{m.VotesToMove:N0}", $"{m.VotesToGain:N0}");
                console.Write(table);
                break;
        }
    }

    private static void Write(LiveRace live, SeatAllocation allocation, OutputFormat format, TextWriter output)
    {
        var rows = allocation.Candidates.Select((c, i) => (c.Id, Name: live.Race.Choices[i].Name, Seats: allocation.Seats[i],
            Votes: allocation.Votes[i], Share: allocation.Shares[i], Passed: allocation.PassedThreshold[i])).ToList();
        switch (format)
        {
            case OutputFormat.Json:
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    election = live.Election.Id,
                    race = live.Race.Id,
                    totalSeats = live.Race.Seats!.TotalSeats,
                    threshold = live.Race.Seats.NationalThreshold,
                    seats = rows.ToDictionary(r => r.Id, r => r.Seats),
                    votes = rows.ToDictionary(r => r.Id, r => Math.Round(r.Votes)),
                    shares = rows.ToDictionary(r => r.Id, r => Math.Round(r.Share, 6)),
                    passedThreshold = rows.Where(r => r.Passed).Select(r => r.Id).ToArray(),
                    constituencies = allocation.ConstituencySeats.ToDictionary(
                        kv => kv.Key, kv => rows.Select((r, i) => (r.Id, kv.Value[i])).Where(x => x.Item2 > 0).ToDictionary(x => x.Id, x => x.Item2)),
                }, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                break;
            case OutputFormat.Csv:
                output.WriteLine("choice,name,votes,share,passed_threshold,seats");
                foreach (var r in rows)
                    output.WriteLine(FormattableString.Invariant($"{r.Id},\"{r.Name}\",{Math.Round(r.Votes)},{r.Share:F6},{r.Passed.ToString().ToLowerInvariant()},{r.Seats}"));
                break;
            default:
                var console = Consoles.For(output);
                console.MarkupLine($"[bold]{Markup.Escape(live.Election.Name.Tr)}[/]: {allocation.AllocatedSeats} / {live.Race.Seats!.TotalSeats} sandalye / seats, baraj / threshold {live.Race.Seats.NationalThreshold:P0}");
                var table = new Table().Border(TableBorder.Simple).AddColumns("Parti / party", "Oy / votes", "%", "Baraj", "Sandalye / seats");
                foreach (var r in rows.OrderByDescending(r => r.Seats).ThenByDescending(r => r.Votes).Where(r => r.Votes > 0))
                    table.AddRow(Markup.Escape(r.Name), $"{r.Votes:N0}", $"{r.Share:P2}", r.Passed ? "✓" : "", $"{r.Seats}");
                console.Write(table);
                break;
        }
    }
}
