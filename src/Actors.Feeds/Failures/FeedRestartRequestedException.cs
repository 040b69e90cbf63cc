namespace Actors.Feeds.Failures;

/// <summary>An operator asked for a restart (pbm feeds restart): the connection is aborted and resubscribed.</summary>
public sealed class FeedRestartRequestedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FeedRestartRequestedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and where.</param>
    public FeedRestartRequestedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and where.</param>
    /// <param name="innerException">The cause.</param>
    public FeedRestartRequestedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
