namespace Actors.Cmd;

/// <summary>
/// A connected pbm client: download palettes and run commands from code. Several commands may run at once.
/// Create one with <see cref="CmdClient.ConnectAsync"/>.
/// </summary>
public interface ICmdClient : IAsyncDisposable
{
    /// <summary>What the server said in its welcome.</summary>
    CmdServerInfo Server { get; }

    /// <summary>Whether the connection is still open.</summary>
    bool IsConnected { get; }

    /// <summary>Downloads the palettes the server has registered now.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The palettes.</returns>
    /// <exception cref="CmdConnectionException">The connection was lost.</exception>
    Task<IReadOnlyList<PaletteDescriptor>> GetPalettesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs a command and streams its responses; the last one is final (<see cref="CmdResponse.IsFinal"/>).
    /// Cancelling <paramref name="cancellationToken"/> asks the server to stop the command; the enumeration then ends
    /// with the server's final response (done, cancelled) instead of throwing.
    /// </summary>
    /// <param name="palette">The palette.</param>
    /// <param name="command">The command (empty for the palette's default command).</param>
    /// <param name="arguments">Argument values by name.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The responses.</returns>
    /// <exception cref="CmdConnectionException">The connection was lost before the final response.</exception>
    IAsyncEnumerable<CmdResponse> ExecuteAsync(string palette, string command, IReadOnlyDictionary<string, string?>? arguments = null, CancellationToken cancellationToken = default);
}
