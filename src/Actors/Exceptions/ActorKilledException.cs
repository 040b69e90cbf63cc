namespace Actors;

/// <summary>An actor processed a Kill message.</summary>
public class ActorKilledException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActorKilledException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public ActorKilledException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public ActorKilledException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
