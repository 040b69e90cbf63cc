namespace Actors.Samples.Node;

/// <summary>The upstream refused the connection (thrown from PreStart, like a socket connect that fails).</summary>
internal sealed class ConnectionRefusedException(string message) : Exception(message);
