namespace Actors.Cmd;

/// <summary>The peer broke the pbm protocol, or the connection ended with a fatal error frame.</summary>
public class CmdProtocolException : Exception
{
    /// <summary>Creates the exception with code <see cref="CmdErrorCodes.Protocol"/>.</summary>
    public CmdProtocolException()
        : this(CmdErrorCodes.Protocol, "Protocol error.")
    {
    }

    /// <summary>Creates the exception with code <see cref="CmdErrorCodes.Protocol"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public CmdProtocolException(string message)
        : this(CmdErrorCodes.Protocol, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CmdProtocolException(string message, Exception innerException)
        : base(message, innerException) => Code = CmdErrorCodes.Protocol;

    /// <summary>Creates the exception.</summary>
    /// <param name="code">One of <see cref="CmdErrorCodes"/>.</param>
    /// <param name="message">What went wrong.</param>
    public CmdProtocolException(string code, string message)
        : base(message) => Code = code;

    /// <summary>The error code.</summary>
    public string Code { get; }
}
