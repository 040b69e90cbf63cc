namespace Actors.Resilience.Health;

/// <summary>
/// Reads the process's resources. The health aggregator calls <see cref="Sample"/> on its own timer, from its own
/// turn only, so an implementation needs no thread safety; tests inject fakes.
/// </summary>
public interface IResourceProbe
{
    /// <summary>Takes one sample.</summary>
    /// <returns>The sample; measures that cannot be read are <see langword="null"/>.</returns>
    ResourceSample Sample();
}
