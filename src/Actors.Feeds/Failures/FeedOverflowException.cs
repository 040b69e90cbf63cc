namespace Actors.Feeds.Failures;

/// <summary>The consumer fell behind by more than buffer-size frames: the exchange cannot be slowed, so the connection is resubscribed.</summary>
public sealed class FeedOverflowException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FeedOverflowException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and where.</param>
    public FeedOverflowException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and where.</param>
    /// <param name="innerException">The cause.</param>
    public FeedOverflowException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
