namespace Actors.Sessions.Worker;

/// <summary>The upstream refused or did not answer a session's connection: a failure its breaker counts.</summary>
public sealed class SessionConnectException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public SessionConnectException()
        : this("The session could not connect to its upstream.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and where.</param>
    public SessionConnectException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and where.</param>
    /// <param name="innerException">The cause.</param>
    public SessionConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
