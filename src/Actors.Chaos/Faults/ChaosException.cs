namespace Actors.Chaos.Faults;

/// <summary>The failure chaos injects into a unit's worker: what its supervisor, breaker, journal and health see.</summary>
public sealed class ChaosException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public ChaosException()
        : base("injected by chaos")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was injected.</param>
    public ChaosException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner one.</summary>
    /// <param name="message">What was injected.</param>
    /// <param name="innerException">The cause.</param>
    public ChaosException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
