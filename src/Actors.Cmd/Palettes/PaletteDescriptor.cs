namespace Actors.Cmd;

/// <summary>A palette (a named group of commands), as clients download it.</summary>
/// <param name="Name">The palette's name, e.g. <c>actor</c>.</param>
/// <param name="Description">One line of help.</param>
/// <param name="Commands">Its commands.</param>
public sealed record PaletteDescriptor(string Name, string Description, IReadOnlyList<CommandDescriptor> Commands)
{
    /// <summary>The command run when the palette is named alone (e.g. <c>pbm memory</c>), if any.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public string? DefaultCommand { get; init; }

    /// <summary>Finds a command by name (case-insensitive).</summary>
    /// <param name="name">The command's name.</param>
    /// <returns>The command, or <see langword="null"/>.</returns>
    public CommandDescriptor? FindCommand(string name)
    {
        foreach (CommandDescriptor c in Commands)
        {
            if (string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return c;
            }
        }

        return null;
    }
}
