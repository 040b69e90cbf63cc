namespace Actors.Cmd;

/// <summary>
/// Constants of the pbm wire protocol, version 1.
/// </summary>
/// <remarks>
/// <para>
/// Transport: one TCP connection per client. Every message in either direction is a frame: a 4-byte big-endian
/// unsigned length N (1 ≤ N ≤ the maximum frame size, 1 MiB by default) followed by N bytes of UTF-8 JSON holding one
/// object with a string <c>type</c> field. Unknown fields are ignored, so later versions may add fields.
/// </para>
/// <para>
/// Session: the client's first frame is <c>hello</c> (<c>version</c>, <c>client</c>, optional <c>token</c>); the
/// server answers <c>welcome</c> (<c>version</c>, <c>server</c>, <c>node</c>, <c>authenticated</c>) or a fatal
/// <c>error</c>. Then the client sends requests, each with a positive <c>id</c> of its choosing:
/// <c>palettes</c> (answered by one <c>palettes</c> frame with the same id) and <c>exec</c> (<c>palette</c>,
/// <c>command</c>, <c>args</c> as an object of argument name to string value), answered by any number of
/// <c>output</c> frames and exactly one final frame: <c>done</c> (<c>cancelled</c> tells whether the client cancelled
/// it) or <c>error</c>. <c>cancel</c> with the id of a running command asks it to stop; it still ends with its final
/// frame. Several commands may run at once on one connection; their frames interleave and carry their ids.
/// </para>
/// <para>
/// Errors: an <c>error</c> frame has <c>code</c> (see <see cref="CmdErrorCodes"/>), <c>message</c> and
/// <c>fatal</c>. A fatal error has id 0 and the server closes the connection after sending it: a malformed, truncated
/// or oversized frame, a bad handshake, a refused token. Output frames carry human <c>text</c> and/or machine
/// <c>data</c> (any JSON value).
/// </para>
/// </remarks>
public static class CmdProtocol
{
    /// <summary>The protocol version this library speaks.</summary>
    public const int Version = 1;

    /// <summary>The default largest frame payload in bytes (1 MiB).</summary>
    public const int DefaultMaxFrameSize = 1024 * 1024;

    /// <summary>The default TCP port.</summary>
    public const int DefaultPort = 9110;

    /// <summary>Frame types.</summary>
    public static class Types
    {
        /// <summary>Client → server: first frame of a session.</summary>
        public const string Hello = "hello";

        /// <summary>Server → client: the handshake succeeded.</summary>
        public const string Welcome = "welcome";

        /// <summary>Both ways: request for, and answer with, the registered palettes.</summary>
        public const string Palettes = "palettes";

        /// <summary>Client → server: run a command.</summary>
        public const string Exec = "exec";

        /// <summary>Client → server: stop a running command.</summary>
        public const string Cancel = "cancel";

        /// <summary>Server → client: one non-final response of a command.</summary>
        public const string Output = "output";

        /// <summary>Server → client: the final response of a successful (or cancelled) command.</summary>
        public const string Done = "done";

        /// <summary>Server → client: the final response of a failed command, or a fatal connection error (id 0).</summary>
        public const string Error = "error";
    }
}
