namespace Sandik.Domain.Simulation;

/// <summary>How one source behaves on a simulated election night.</summary>
/// <param name="Coverage">Share of the boxes it sends (0 to 1).</param>
/// <param name="MinDelay">Earliest it sends a box after the box's count is done.</param>
/// <param name="MaxDelay">Latest it sends a box after the box's count is done.</param>
/// <param name="FillsGaps">Covers mainly the boxes the two best-ranked sources miss (a call centre phoning them).</param>
/// <param name="ErrorRate">Share of its submissions with a transcription error (a wrong digit, a column slip).</param>
public sealed record SourceProfile(string SourceId, double Coverage, TimeSpan MinDelay, TimeSpan MaxDelay, bool FillsGaps = false, double ErrorRate = 0)
{
    private static TimeSpan Minutes(double m) => TimeSpan.FromMinutes(m);

    /// <summary>
    /// Profiles for the shipped Turkish sources: party offices and school volunteers early and broad, observers early
    /// and partial, the authority's feed late and complete, the call centre working the gaps.
    /// </summary>
    public static IReadOnlyList<SourceProfile> TurkishDefaults { get; } =
    [
        new("district-office", 0.80, Minutes(10), Minutes(45)),
        new("school-it", 0.70, Minutes(3), Minutes(25)),
        new("authority-feed", 1.00, Minutes(90), Minutes(420)),
        new("observer-app", 0.45, Minutes(0), Minutes(15), ErrorRate: 0.015),
        new("sheet-photo", 0.35, Minutes(10), Minutes(60), ErrorRate: 0.015),
        new("call-centre", 0.60, Minutes(60), Minutes(240), FillsGaps: true, ErrorRate: 0.02),
        new("partner-ngo", 0.30, Minutes(30), Minutes(150), ErrorRate: 0.01),
        new("bulk-file", 0.10, Minutes(300), Minutes(330), ErrorRate: 0.01),
        new("sms", 0.20, Minutes(5), Minutes(30), ErrorRate: 0.02),
    ];

    /// <summary>For a source with no profile of its own: partial and middling.</summary>
    public static SourceProfile Generic(string sourceId) => new(sourceId, 0.25, Minutes(15), Minutes(120), ErrorRate: 0.01);
}
