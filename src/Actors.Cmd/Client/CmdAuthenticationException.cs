namespace Actors.Cmd;

/// <summary>The server refused the client's token, or required one that was not given.</summary>
public class CmdAuthenticationException : CmdProtocolException
{
    /// <summary>Creates the exception with code <see cref="CmdErrorCodes.AuthenticationFailed"/>.</summary>
    public CmdAuthenticationException()
        : base(CmdErrorCodes.AuthenticationFailed, "Authentication failed.")
    {
    }

    /// <summary>Creates the exception with code <see cref="CmdErrorCodes.AuthenticationFailed"/>.</summary>
    /// <param name="message">The server's message.</param>
    public CmdAuthenticationException(string message)
        : base(CmdErrorCodes.AuthenticationFailed, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The server's message.</param>
    /// <param name="innerException">The cause.</param>
    public CmdAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="code"><see cref="CmdErrorCodes.AuthenticationRequired"/> or <see cref="CmdErrorCodes.AuthenticationFailed"/>.</param>
    /// <param name="message">The server's message.</param>
    public CmdAuthenticationException(string code, string message)
        : base(code, message)
    {
    }
}
