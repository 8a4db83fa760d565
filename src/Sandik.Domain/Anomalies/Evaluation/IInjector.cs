namespace Sandik.Domain.Anomalies.Evaluation;

/// <summary>Manipulates clean boxes in known ways, so that the detector can be measured on them.</summary>
public interface IInjector
{
    /// <summary>Short name for reports, e.g. <c>standard</c>.</summary>
    string Name { get; }

    IReadOnlyList<ManipulationKind> Kinds { get; }

    /// <summary>Manipulates about <paramref name="boxes"/> distinct eligible boxes in place; deterministic for a given random.</summary>
    IReadOnlyList<Injection> Inject(InjectionTarget target, Random random, int boxes);
}
