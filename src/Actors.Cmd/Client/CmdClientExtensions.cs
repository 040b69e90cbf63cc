namespace Actors.Cmd;

/// <summary>Conveniences over <see cref="ICmdClient"/>.</summary>
public static class CmdClientExtensions
{
    /// <summary>Runs a command and collects all its responses (do not use for streaming commands without a token).</summary>
    /// <param name="client">The client.</param>
    /// <param name="palette">The palette.</param>
    /// <param name="command">The command.</param>
    /// <param name="arguments">Argument values by name.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Every response; the last is final.</returns>
    public static async Task<IReadOnlyList<CmdResponse>> ExecuteToListAsync(this ICmdClient client, string palette, string command, IReadOnlyDictionary<string, string?>? arguments = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var list = new List<CmdResponse>();
        await foreach (CmdResponse r in client.ExecuteAsync(palette, command, arguments, cancellationToken).ConfigureAwait(false))
        {
            list.Add(r);
        }

        return list;
    }

    /// <summary>
    /// Splits a command line such as <c>actor stat -p /user/a</c> into palette, command and argument values, checking
    /// it against downloaded palettes (a palette named alone runs its default command).
    /// </summary>
    /// <param name="palettes">The palettes.</param>
    /// <param name="tokens">The tokens.</param>
    /// <returns>The palette's name, the command and the arguments.</returns>
    /// <exception cref="CommandException">Unknown palette or command, or bad switches.</exception>
    public static (string Palette, CommandDescriptor Command, Dictionary<string, string?> Arguments) ParseCommandLine(IReadOnlyList<PaletteDescriptor> palettes, IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(palettes);
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count == 0)
        {
            throw new CommandException(CmdErrorCodes.UnknownPalette, "No palette given.");
        }

        PaletteDescriptor palette = palettes.FirstOrDefault(p => string.Equals(p.Name, tokens[0], StringComparison.OrdinalIgnoreCase))
            ?? throw new CommandException(CmdErrorCodes.UnknownPalette, $"No palette [{tokens[0]}]; available: {string.Join(", ", palettes.Select(p => p.Name))}.");
        CommandDescriptor? command = tokens.Count > 1 && !tokens[1].StartsWith('-') ? palette.FindCommand(tokens[1]) : null;
        int rest = 2;
        if (command is null)
        {
            if ((tokens.Count == 1 || tokens[1].StartsWith('-')) && palette.DefaultCommand is { } fallback)
            {
                command = palette.FindCommand(fallback)!;
                rest = 1;
            }
            else
            {
                throw new CommandException(CmdErrorCodes.UnknownCommand, tokens.Count > 1
                    ? $"Palette [{palette.Name}] has no command [{tokens[1]}]; it has: {string.Join(", ", palette.Commands.Select(c => c.Name))}."
                    : $"Palette [{palette.Name}] needs a command: {string.Join(", ", palette.Commands.Select(c => c.Name))}.");
            }
        }

        Dictionary<string, string?> args = CommandArguments.Parse(command, tokens.Skip(rest).ToArray());
        CommandArguments.Resolve(command, args);
        return (palette.Name, command, args);
    }
}
