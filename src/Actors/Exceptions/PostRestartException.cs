namespace Actors;

/// <summary>An actor failed in <c>PostRestart</c> (by default, in the <c>PreStart</c> it calls).</summary>
public sealed class PostRestartException : ActorInitializationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="actor">The actor.</param>
    /// <param name="cause">The failure in PostRestart.</param>
    /// <param name="originalCause">The failure that caused the restart.</param>
    public PostRestartException(IActorRef actor, Exception cause, Exception originalCause)
        : base(actor, $"Exception post restart ({originalCause.GetType().Name})", cause) => OriginalCause = originalCause;

    /// <summary>The failure that caused the restart.</summary>
    public Exception OriginalCause { get; }
}
