namespace Actors.Cmd;

/// <summary>The client could not reach the server, or lost the connection.</summary>
public class CmdConnectionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CmdConnectionException()
        : base("The connection to the command server failed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was tried and what happened.</param>
    public CmdConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was tried and what happened.</param>
    /// <param name="innerException">The cause.</param>
    public CmdConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
