using Sandik.Domain.Anomalies;
using Sandik.Server.Ui;

namespace Sandik.Server.Anomalies;

/// <summary>One ranked box as the API and <c>sandik anomalies --format json</c> give it.</summary>
/// <param name="Checks">Each check that found something, by id, with its surprise.</param>
public sealed record AnomalyBox(int Rank, string Code, string Number, string ProvinceCode, string Province, string DistrictCode, string District,
    string Neighbourhood, double Score, IReadOnlyDictionary<string, double> Checks, IReadOnlyList<AnomalyBox.Reason> Reasons)
{
    /// <param name="Text">The sentence in the language asked for (Turkish unless English was asked).</param>
    public sealed record Reason(string Code, string Check, double Surprise, string Text, string Tr, string En, double? Observed, double? Expected,
        double? Z, int? Votes);

    public static AnomalyBox From(BoxAnomaly b, UiLanguage language) => new(b.Rank, b.BoxCode, b.BoxNumber, b.ProvinceCode, b.Province,
        b.DistrictCode, b.District, b.Neighbourhood, Math.Round(b.Score, 3),
        AnomalyCsv.Found(b).ToDictionary(c => c.Id(), c => Math.Round(b.SurpriseOf(c), 3)),
        [.. b.Reasons.Select(r => new Reason(r.Code, r.Check.Id(), Math.Round(r.Surprise, 3), language == UiLanguage.En ? r.Text.En : r.Text.Tr,
            r.Text.Tr, r.Text.En, r.Observed, r.Expected, r.Z is { } z ? Math.Round(z, 2) : null, r.Votes))]);
}

/// <summary>A ranking as the API gives it: how current it is, what was asked, and the boxes, most suspicious first.</summary>
public sealed record AnomalyListing(string Race, AnomalyStatus Status, string? Area, string? Check, IReadOnlyList<AnomalyBox> Boxes);

/// <summary>The flagged boxes of one district: where an extra observer should go.</summary>
public sealed record ReinforcementDistrict(string ProvinceCode, string Province, string DistrictCode, string District, IReadOnlyList<AnomalyBox> Boxes);

/// <summary>Flagged boxes per province (or per district of one province) for the map.</summary>
public sealed record AnomalyMap(AnomalyStatus Status, string? Province, IReadOnlyList<FlaggedArea> Areas);
