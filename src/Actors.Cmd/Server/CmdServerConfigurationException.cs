namespace Actors.Cmd;

/// <summary>
/// The command server cannot start with its settings: a port out of range or already in use, a host that does not
/// resolve or cannot be bound, a non-loopback host without a token, a value that is not of its type. The message names
/// the setting, the endpoint (host:port) and how to fix it, and is meant to be printed as it is, without a stack trace:
/// a host maps this exception to its configuration-error exit code (78).
/// </summary>
public sealed class CmdServerConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CmdServerConfigurationException()
        : this("The command server settings are invalid.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public CmdServerConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The cause (for example the <see cref="System.Net.Sockets.SocketException"/> of a failed bind).</param>
    public CmdServerConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for one setting.</summary>
    /// <param name="setting">The HOCON key at fault, e.g. <c>actors.cmd.port</c>.</param>
    /// <param name="endpoint">The endpoint the server was to listen on, as host:port, if known.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CmdServerConfigurationException(string setting, string? endpoint, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Setting = setting;
        Endpoint = endpoint;
    }

    /// <summary>The HOCON key at fault, e.g. <c>actors.cmd.port</c>, when one setting is.</summary>
    public string? Setting { get; }

    /// <summary>The endpoint (host:port) the server was to listen on, when known.</summary>
    public string? Endpoint { get; }
}
