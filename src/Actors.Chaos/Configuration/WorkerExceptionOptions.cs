namespace Actors.Chaos.Configuration;

/// <summary>The worker-exception fault (<c>actors.chaos.worker-exception</c>).</summary>
public sealed class WorkerExceptionOptions
{
    /// <summary>Unit kinds never chosen, beyond the kinds marked critical (which never are).</summary>
    /// <value>Empty.</value>
    public ISet<string> ExcludeKinds { get; } = new HashSet<string>(StringComparer.Ordinal);
}
