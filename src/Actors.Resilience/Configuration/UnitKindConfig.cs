using Actors.Hocon;
using Actors.Resilience.Units;

namespace Actors.Resilience.Configuration;

/// <summary>
/// Reads the settings of one unit kind from <c>actors.units.&lt;kind&gt;</c> (falling back key by key to
/// <c>actors.units.default</c>, then to the defaults embedded in Actors.Resilience). The worker is code, so it is
/// supplied here; everything else is configuration.
/// </summary>
public static class UnitKindConfig
{
    /// <summary>The name of the template every kind falls back to: <c>actors.units.default</c>.</summary>
    public const string DefaultKind = ResilienceConfigReader.DefaultKind;

    /// <summary>Reads the settings of <paramref name="kind"/>.</summary>
    /// <param name="config">The configuration (the <c>actors</c> root); the embedded defaults are merged under it.</param>
    /// <param name="kind">The unit kind (<c>session</c>, <c>prediction</c>, <c>feed</c> or one of your own).</param>
    /// <param name="workerProps">Creates the worker's props for an instance id.</param>
    /// <returns>The kind's options, validated.</returns>
    /// <exception cref="HoconException">A value is of the wrong type or out of range; the message names file:line:column and the path.</exception>
    public static UnitKindOptions Read(Config config, string kind, Func<string, Props> workerProps) =>
        ResilienceConfigReader.ReadKind(config, kind, workerProps);

    /// <summary>The kinds configured under <c>actors.units</c> (the embedded <c>session</c>, <c>prediction</c>, <c>feed</c> and your own), without <c>default</c>.</summary>
    /// <param name="config">The configuration.</param>
    /// <returns>The kind names, in the order written.</returns>
    public static IReadOnlyList<string> Kinds(Config config) => ResilienceConfigReader.Kinds(config);
}
