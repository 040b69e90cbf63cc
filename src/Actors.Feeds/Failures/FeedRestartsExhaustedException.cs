namespace Actors.Feeds.Failures;

/// <summary>The stream restarted max-restarts times within restart-window and gave up: the worker fails so that the instance's breaker counts it.</summary>
public sealed class FeedRestartsExhaustedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FeedRestartsExhaustedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and where.</param>
    public FeedRestartsExhaustedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and where.</param>
    /// <param name="innerException">The cause.</param>
    public FeedRestartsExhaustedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
