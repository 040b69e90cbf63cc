namespace Actors;

/// <summary>A call was refused because the circuit breaker is open (or half-open with all probe calls taken).</summary>
public class OpenCircuitException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OpenCircuitException()
        : this("The circuit breaker is open; the call failed fast.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public OpenCircuitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public OpenCircuitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the time left until the breaker admits calls again.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="remainingDuration">Time until the breaker goes half-open.</param>
    public OpenCircuitException(string message, TimeSpan remainingDuration)
        : base(message)
    {
        RemainingDuration = remainingDuration;
    }

    /// <summary>How long until the breaker admits (probe) calls again; zero when unknown or when probes are merely busy.</summary>
    public TimeSpan RemainingDuration { get; }
}
