namespace Actors;

/// <summary>What makes a backoff supervisor restart its child after a delay.</summary>
public enum BackoffTrigger
{
    /// <summary>
    /// A failure of the child (its supervisor strategy says Restart) stops it and starts it again after the backoff.
    /// A child that stops on its own stops the backoff supervisor too.
    /// </summary>
    OnFailure,

    /// <summary>
    /// The child stopping (for any reason) starts it again after the backoff. Failures are handled by the supervisor
    /// strategy as usual: by default an immediate restart, or a stop (and so a backoff) with
    /// <see cref="BackoffOptions.WithDefaultStoppingStrategy"/>.
    /// </summary>
    OnStop,

    /// <summary>Both: a failure or a stop of the child starts it again after the backoff.</summary>
    OnFailureOrStop,
}
