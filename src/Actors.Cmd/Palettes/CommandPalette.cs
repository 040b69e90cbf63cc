namespace Actors.Cmd;

/// <summary>
/// A palette the server can run: its descriptor (what clients download) and a handler per command. Build one with
/// <see cref="CommandPaletteBuilder"/> and register it with <see cref="CommandServer.Register"/>.
/// </summary>
public sealed class CommandPalette
{
    private readonly Dictionary<string, CommandHandler> _handlers;

    internal CommandPalette(PaletteDescriptor descriptor, Dictionary<string, CommandHandler> handlers)
    {
        Descriptor = descriptor;
        _handlers = handlers;
    }

    /// <summary>The palette's name.</summary>
    public string Name => Descriptor.Name;

    /// <summary>What clients download.</summary>
    public PaletteDescriptor Descriptor { get; }

    /// <summary>Finds a command and its handler (case-insensitive).</summary>
    /// <param name="command">The command's name.</param>
    /// <param name="descriptor">The command's descriptor.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>Whether the palette has it.</returns>
    public bool TryGetCommand(string command, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CommandDescriptor? descriptor, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CommandHandler? handler)
    {
        descriptor = Descriptor.FindCommand(command);
        handler = descriptor is null ? null : _handlers[descriptor.Name];
        return descriptor is not null;
    }
}
