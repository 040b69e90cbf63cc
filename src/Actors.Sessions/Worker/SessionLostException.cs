namespace Actors.Sessions.Worker;

/// <summary>A live session was lost: the socket closed, a ping went unanswered, an acknowledgement or the ready frame did not come in time.</summary>
public sealed class SessionLostException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public SessionLostException()
        : this("The session to the upstream was lost.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and where.</param>
    public SessionLostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and where.</param>
    /// <param name="innerException">The cause.</param>
    public SessionLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
