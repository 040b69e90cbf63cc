namespace Actors.Cmd;

/// <summary>The <c>code</c> values of error frames.</summary>
public static class CmdErrorCodes
{
    /// <summary>Fatal: the frame was not a JSON object with a known <c>type</c>, or broke the session order.</summary>
    public const string Protocol = "protocol";

    /// <summary>Fatal: the frame's length is zero or larger than the maximum frame size.</summary>
    public const string FrameTooLarge = "frame-too-large";

    /// <summary>Fatal: the client speaks a protocol version the server does not.</summary>
    public const string UnsupportedVersion = "unsupported-version";

    /// <summary>
    /// Fatal when a server listening beyond loopback gets a hello without a token. Not fatal (the final response of one
    /// command) when a client without the admin token runs a command that changes the node.
    /// </summary>
    public const string AuthenticationRequired = "auth-required";

    /// <summary>Fatal: the hello carried a token that does not match.</summary>
    public const string AuthenticationFailed = "auth-failed";

    /// <summary>Fatal: the client sent nothing within the handshake timeout.</summary>
    public const string HandshakeTimeout = "handshake-timeout";

    /// <summary>Fatal: the server has too many connections.</summary>
    public const string Overloaded = "overloaded";

    /// <summary>The palette is not registered.</summary>
    public const string UnknownPalette = "unknown-palette";

    /// <summary>The palette has no such command.</summary>
    public const string UnknownCommand = "unknown-command";

    /// <summary>An argument is missing, unknown or invalid.</summary>
    public const string BadArguments = "bad-arguments";

    /// <summary>The id is already in use by a running command of this connection.</summary>
    public const string DuplicateId = "duplicate-id";

    /// <summary>The connection already runs as many commands as allowed.</summary>
    public const string TooManyCommands = "too-many-commands";

    /// <summary>The thing the command is about (an actor, a unit, a config path) does not exist.</summary>
    public const string NotFound = "not-found";

    /// <summary>The command refused to act (for example stopping a guardian).</summary>
    public const string Refused = "refused";

    /// <summary>The command's handler threw.</summary>
    public const string CommandFailed = "command-failed";

    /// <summary>A response was larger than the maximum frame size.</summary>
    public const string ResponseTooLarge = "response-too-large";
}
