namespace Actors.Sessions.Worker;

/// <summary>The upstream sent a frame the session protocol does not allow: the worker crashes and reconnects.</summary>
public sealed class SessionProtocolException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public SessionProtocolException()
        : this("The upstream violated the session protocol.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and where.</param>
    public SessionProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and where.</param>
    /// <param name="innerException">The cause.</param>
    public SessionProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
