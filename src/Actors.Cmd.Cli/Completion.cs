namespace Actors.Cmd.Cli;

/// <summary>Tab completion over the downloaded palettes: palettes, then commands, then the command's switches.</summary>
internal static class Completion
{
    public static readonly string[] ShellWords = ["help", "palettes", "exit", "quit"];

    /// <summary>Candidates for the word being typed at the end of <paramref name="line"/>.</summary>
    /// <returns>Where the word starts, and the candidates that extend it (sorted).</returns>
    public static (int Start, IReadOnlyList<string> Candidates) Complete(string line, IReadOnlyList<PaletteDescriptor> palettes)
    {
        int start = line.LastIndexOf(' ') + 1;
        string word = line[start..];
        string[] before = line[..start].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        IEnumerable<string> pool = before.Length switch
        {
            0 => palettes.Select(p => p.Name).Concat(ShellWords),
            1 when string.Equals(before[0], "help", StringComparison.OrdinalIgnoreCase) => palettes.Select(p => p.Name),
            1 => Palette(palettes, before[0]) is { } p ? p.Commands.Select(c => c.Name).Concat(DefaultSwitches(p, before)) : [],
            2 when string.Equals(before[0], "help", StringComparison.OrdinalIgnoreCase) =>
                Palette(palettes, before[1])?.Commands.Select(c => c.Name) ?? [],
            _ => Switches(palettes, before),
        };
        var candidates = pool
            .Where(c => c.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return (start, candidates);
    }

    /// <summary>The longest prefix shared by all candidates.</summary>
    public static string CommonPrefix(IReadOnlyList<string> candidates)
    {
        if (candidates.Count == 0)
        {
            return string.Empty;
        }

        string prefix = candidates[0];
        foreach (string c in candidates)
        {
            int n = 0;
            while (n < prefix.Length && n < c.Length && char.ToUpperInvariant(prefix[n]) == char.ToUpperInvariant(c[n]))
            {
                n++;
            }

            prefix = prefix[..n];
        }

        return prefix;
    }

    private static PaletteDescriptor? Palette(IReadOnlyList<PaletteDescriptor> palettes, string name) =>
        palettes.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> DefaultSwitches(PaletteDescriptor palette, string[] before) =>
        palette.DefaultCommand is { } d && palette.FindCommand(d) is { } c ? UnusedSwitches(c, before, 1) : [];

    private static IEnumerable<string> Switches(IReadOnlyList<PaletteDescriptor> palettes, string[] before)
    {
        PaletteDescriptor? palette = Palette(palettes, before[0]);
        if (palette is null)
        {
            return [];
        }

        CommandDescriptor? command = palette.FindCommand(before[1]);
        int first = 2;
        if (command is null && palette.DefaultCommand is { } d)
        {
            command = palette.FindCommand(d);
            first = 1;
        }

        if (command is null)
        {
            return [];
        }

        // After a switch that takes a value, the next word is that value: nothing to offer.
        if (before.Length > first && command.FindBySwitch(before[^1]) is { IsFlag: false })
        {
            return [];
        }

        return UnusedSwitches(command, before, first);
    }

    private static IEnumerable<string> UnusedSwitches(CommandDescriptor command, string[] before, int first)
    {
        var used = before.Skip(first).Select(command.FindBySwitch).Where(a => a is not null).Select(a => a!.Name).ToHashSet(StringComparer.Ordinal);
        return command.Arguments.Where(a => !used.Contains(a.Name)).SelectMany(a => a.Switches);
    }
}
