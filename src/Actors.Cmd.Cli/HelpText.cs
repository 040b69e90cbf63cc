namespace Actors.Cmd.Cli;

/// <summary>Help built from the palettes the server sent.</summary>
internal static class HelpText
{
    private static string Notes(CommandDescriptor c) =>
        (c.IsStreaming ? " (streams; Ctrl+C stops)" : string.Empty) + (c.IsMutation ? " (changes the node: needs the admin token)" : string.Empty);

    public static string For(IReadOnlyList<PaletteDescriptor> palettes, IReadOnlyList<string> topic)
    {
        if (topic.Count == 0)
        {
            return CmdText.Table(["PALETTE", "COMMANDS", "DESCRIPTION"], palettes.Select(p => (IReadOnlyList<string>)
                [p.Name, string.Join(", ", p.Commands.Select(c => c.Name == p.DefaultCommand ? c.Name + "*" : c.Name)), p.Description]))
                + "\n(* = run when the palette is named alone; 'help <palette> [command]' for details)";
        }

        PaletteDescriptor palette = palettes.FirstOrDefault(p => string.Equals(p.Name, topic[0], StringComparison.OrdinalIgnoreCase))
            ?? throw new CommandException(CmdErrorCodes.UnknownPalette, $"No palette [{topic[0]}]; available: {string.Join(", ", palettes.Select(p => p.Name))}.");
        if (topic.Count == 1)
        {
            return $"{palette.Name}: {palette.Description}\n" + CmdText.Table(["USAGE", "DESCRIPTION"], palette.Commands.Select(c => (IReadOnlyList<string>)
                [$"{palette.Name} {CommandArguments.Usage(c)}", c.Description + Notes(c)]));
        }

        CommandDescriptor command = palette.FindCommand(topic[1])
            ?? throw new CommandException(CmdErrorCodes.UnknownCommand, $"Palette [{palette.Name}] has no command [{topic[1]}].");
        string usage = $"{palette.Name} {CommandArguments.Usage(command)}\n{command.Description}{Notes(command)}";
        if (command.Arguments.Count == 0)
        {
            return usage;
        }

        return usage + "\n\n" + CmdText.Table(["SWITCHES", "REQUIRED", "DEFAULT", "DESCRIPTION"], command.Arguments.Select(a => (IReadOnlyList<string>)
            [string.Join(", ", a.Switches), a.IsMandatory ? "yes" : "no", a.IsFlag ? "(flag)" : a.DefaultValue ?? string.Empty, a.Description]));
    }
}
