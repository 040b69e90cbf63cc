namespace Actors.Cmd;

/// <summary>Thrown by a command handler to end the command with an error response of a given code.</summary>
public class CommandException : Exception
{
    /// <summary>Creates the exception with code <see cref="CmdErrorCodes.CommandFailed"/>.</summary>
    public CommandException()
        : this(CmdErrorCodes.CommandFailed, "The command failed.")
    {
    }

    /// <summary>Creates the exception with code <see cref="CmdErrorCodes.CommandFailed"/>.</summary>
    /// <param name="message">What went wrong, for the operator.</param>
    public CommandException(string message)
        : this(CmdErrorCodes.CommandFailed, message)
    {
    }

    /// <summary>Creates the exception with code <see cref="CmdErrorCodes.CommandFailed"/>.</summary>
    /// <param name="message">What went wrong, for the operator.</param>
    /// <param name="innerException">The cause.</param>
    public CommandException(string message, Exception innerException)
        : base(message, innerException) => Code = CmdErrorCodes.CommandFailed;

    /// <summary>Creates the exception.</summary>
    /// <param name="code">One of <see cref="CmdErrorCodes"/> or a palette's own code.</param>
    /// <param name="message">What went wrong, for the operator.</param>
    public CommandException(string code, string message)
        : base(message) => Code = code;

    /// <summary>The error code sent to the client.</summary>
    public string Code { get; }
}
