namespace Actors;

/// <summary>An actor failed in its constructor, <c>PreStart</c> or <c>PostRestart</c>; the default decider stops it.</summary>
public class ActorInitializationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActorInitializationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public ActorInitializationException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public ActorInitializationException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a given actor.</summary>
    /// <param name="actor">The actor that failed to initialize.</param>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public ActorInitializationException(IActorRef? actor, string message, Exception innerException) : base(message, innerException) => Actor = actor;

    /// <summary>The actor that failed, when known.</summary>
    public IActorRef? Actor { get; }
}
