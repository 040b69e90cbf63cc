namespace Actors;

/// <summary>An actor did not handle the Terminated message of an actor it watched.</summary>
public class DeathPactException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeathPactException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public DeathPactException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public DeathPactException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
