namespace Actors.Feeds.Failures;

/// <summary>No data arrived for the stale-after period although the socket may be open: the connection is aborted and resubscribed.</summary>
public sealed class FeedStaleException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FeedStaleException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and where.</param>
    public FeedStaleException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and where.</param>
    /// <param name="innerException">The cause.</param>
    public FeedStaleException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
