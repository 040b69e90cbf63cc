using Actors.Hocon;
using Actors.Resilience.Configuration;
using Actors.Resilience.Errors;
using Actors.Resilience.Health;
using Actors.Resilience.Memory;
using Actors.Resilience.Units;

namespace Actors.Resilience;

/// <summary>Everything <see cref="ResilienceRuntime.Start"/> needs; every value has a documented default.</summary>
public sealed class ResilienceOptions
{
    /// <summary>The error journal's settings.</summary>
    public ErrorJournalOptions Errors { get; } = new();

    /// <summary>The health aggregator's settings.</summary>
    public HealthOptions Health { get; } = new();

    /// <summary>The memory guard's settings.</summary>
    public MemoryGuardOptions Memory { get; } = new();

    /// <summary>The unit kinds whose regions are created at start (more can be added with <see cref="RegisterUnitKind"/>).</summary>
    /// <value>Defaults to none.</value>
    public IList<UnitKindOptions> Kinds { get; } = new List<UnitKindOptions>();

    /// <summary>How long an operation waits for an actor's answer.</summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Reads the options from HOCON: <c>actors.resilience</c>, <c>actors.health</c>, <c>actors.errors</c>,
    /// <c>actors.memory</c>, and for each entry of <paramref name="workers"/> the kind <c>actors.units.&lt;kind&gt;</c>
    /// (see <see cref="UnitKindConfig"/>). The defaults embedded in Actors.Resilience are merged under
    /// <paramref name="config"/>.
    /// </summary>
    /// <param name="config">The configuration (the <c>actors</c> root).</param>
    /// <param name="workers">The unit kinds to create at start, each with its worker; none when <see langword="null"/>.</param>
    /// <returns>The options, validated.</returns>
    /// <exception cref="HoconException">A value is of the wrong type or out of range; the message names file:line:column and the path.</exception>
    public static ResilienceOptions FromConfig(Config config, IReadOnlyDictionary<string, Func<string, Props>>? workers = null) =>
        ResilienceConfigReader.Read(config, workers);

    /// <summary>Throws when any setting is out of range.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        Errors.Validate();
        Health.Validate();
        Memory.Validate();
        foreach (UnitKindOptions kind in Kinds)
        {
            kind.Validate();
        }

        if (Kinds.Select(k => k.Kind).Distinct(StringComparer.Ordinal).Count() != Kinds.Count)
        {
            throw new ArgumentException("Two unit kinds have the same name.", nameof(Kinds));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(OperationTimeout, TimeSpan.Zero, nameof(OperationTimeout));
    }
}
