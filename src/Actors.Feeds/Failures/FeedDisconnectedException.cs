namespace Actors.Feeds.Failures;

/// <summary>The exchange closed or dropped the connection, or refused it.</summary>
public sealed class FeedDisconnectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FeedDisconnectedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and where.</param>
    public FeedDisconnectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and where.</param>
    /// <param name="innerException">The cause.</param>
    public FeedDisconnectedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether the connect itself failed or was refused (rather than an open connection dropping).</summary>
    public bool Refused { get; init; }
}
