using System.Globalization;

namespace Actors.Cmd;

/// <summary>
/// One running command: its arguments, the system it runs against, a cancellation token, and the methods that stream
/// responses to the client. Writes never block: a client too slow to keep up is disconnected instead.
/// Safe to write from any thread (for example from an actor forwarding events); writes after the command ended are dropped.
/// </summary>
public sealed class CommandContext
{
    private readonly Func<string?, object?, bool> _send;
    private readonly object _gate = new();
    private bool _ended;

    internal CommandContext(ActorSystem system, CommandServer server, string palette, CommandDescriptor command, IReadOnlyDictionary<string, string?> arguments, Func<string?, object?, bool> send, CancellationToken cancellationToken)
    {
        System = system;
        Server = server;
        Palette = palette;
        Command = command;
        Arguments = arguments;
        _send = send;
        CancellationToken = cancellationToken;
    }

    /// <summary>The actor system the server runs in.</summary>
    public ActorSystem System { get; }

    /// <summary>The server running the command.</summary>
    public CommandServer Server { get; }

    /// <summary>The palette's name.</summary>
    public string Palette { get; }

    /// <summary>The command.</summary>
    public CommandDescriptor Command { get; }

    /// <summary>The argument values, defaults filled in.</summary>
    public IReadOnlyDictionary<string, string?> Arguments { get; }

    /// <summary>Fires when the client cancels the command or disconnects.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>A string argument.</summary>
    /// <param name="name">The argument's name.</param>
    /// <returns>Its value, or <see langword="null"/>.</returns>
    public string? GetString(string name) => Arguments.TryGetValue(name, out string? v) ? v : null;

    /// <summary>An integer argument.</summary>
    /// <param name="name">The argument's name.</param>
    /// <param name="defaultValue">The value when absent.</param>
    /// <returns>Its value.</returns>
    /// <exception cref="CommandException">The value is not an integer.</exception>
    public int GetInt(string name, int defaultValue)
    {
        string? text = GetString(name);
        if (text is null)
        {
            return defaultValue;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new CommandException(CmdErrorCodes.BadArguments, $"Argument [{name}] must be an integer, not [{text}].");
    }

    /// <summary>Whether a flag is set.</summary>
    /// <param name="name">The flag's name.</param>
    /// <returns>True when given (and not <c>false</c>).</returns>
    public bool HasFlag(string name) => GetString(name) is { } v && !string.Equals(v, "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>Streams a line of text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>False when the response could not be queued (the command ended or the client is gone).</returns>
    public bool WriteLine(string text) => Write(text, null);

    /// <summary>Streams a response with human text and machine data.</summary>
    /// <param name="text">What a person reads (may be <see langword="null"/>).</param>
    /// <param name="data">What a script reads: any object serializable with <see cref="CmdJson.Options"/> (may be <see langword="null"/>).</param>
    /// <returns>False when the response could not be queued (the command ended or the client is gone).</returns>
    public bool Write(string? text, object? data)
    {
        lock (_gate)
        {
            return !_ended && _send(text, data);
        }
    }

    /// <summary>Completes when the command is cancelled; streaming handlers await it after subscribing.</summary>
    /// <returns>The task.</returns>
    public Task WhenCancelled()
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        CancellationToken.Register(static s => ((TaskCompletionSource)s!).TrySetResult(), tcs);
        return tcs.Task;
    }

    /// <summary>Stops further writes; the final frame follows.</summary>
    internal void End()
    {
        lock (_gate)
        {
            _ended = true;
        }
    }
}
