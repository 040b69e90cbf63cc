namespace Actors.Cmd;

/// <summary>Turns command-line switches into named arguments and checks them against a command's descriptor.</summary>
public static class CommandArguments
{
    /// <summary>
    /// Parses switches such as <c>-p /user/a -n 5 --verbose</c> (also <c>--path=/user/a</c>) into argument values,
    /// without defaults.
    /// </summary>
    /// <param name="command">The command.</param>
    /// <param name="tokens">The tokens after the command's name.</param>
    /// <returns>The values by argument name.</returns>
    /// <exception cref="CommandException">Code <see cref="CmdErrorCodes.BadArguments"/>: an unknown switch, a missing value or a stray token.</exception>
    public static Dictionary<string, string?> Parse(CommandDescriptor command, IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(tokens);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (int i = 0; i < tokens.Count; i++)
        {
            string token = tokens[i];
            string switchText = token;
            string? inline = null;
            int eq = token.IndexOf('=', StringComparison.Ordinal);
            if (token.StartsWith("--", StringComparison.Ordinal) && eq > 2)
            {
                switchText = token[..eq];
                inline = token[(eq + 1)..];
            }

            ArgumentDescriptor? argument = command.FindBySwitch(switchText)
                ?? throw new CommandException(CmdErrorCodes.BadArguments, token.StartsWith('-')
                    ? $"Unknown switch [{token}] for [{command.Name}]; known: {Known(command)}."
                    : $"Unexpected [{token}]: [{command.Name}] takes switches only ({Known(command)}).");
            if (argument.IsFlag)
            {
                values[argument.Name] = inline ?? "true";
            }
            else if (inline is not null)
            {
                values[argument.Name] = inline;
            }
            else if (i + 1 < tokens.Count)
            {
                values[argument.Name] = tokens[++i];
            }
            else
            {
                throw new CommandException(CmdErrorCodes.BadArguments, $"Switch [{token}] needs a value ({argument.Description}).");
            }
        }

        return values;
    }

    /// <summary>Checks named values against a command: unknown names and missing mandatory arguments are refused; defaults are filled in.</summary>
    /// <param name="command">The command.</param>
    /// <param name="given">The values the client sent.</param>
    /// <returns>The complete values.</returns>
    /// <exception cref="CommandException">Code <see cref="CmdErrorCodes.BadArguments"/>.</exception>
    public static Dictionary<string, string?> Resolve(CommandDescriptor command, IReadOnlyDictionary<string, string?> given)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(given);
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach ((string name, string? value) in given)
        {
            if (!command.Arguments.Any(a => a.Name == name))
            {
                throw new CommandException(CmdErrorCodes.BadArguments, $"[{command.Name}] has no argument [{name}]; known: {Known(command)}.");
            }

            result[name] = value;
        }

        foreach (ArgumentDescriptor a in command.Arguments)
        {
            if (result.ContainsKey(a.Name))
            {
                continue;
            }

            if (a.IsMandatory)
            {
                throw new CommandException(CmdErrorCodes.BadArguments, $"[{command.Name}] needs {string.Join('/', a.Switches)} ({a.Description}).");
            }

            if (a.DefaultValue is not null)
            {
                result[a.Name] = a.DefaultValue;
            }
        }

        return result;
    }

    /// <summary>A usage line such as <c>stat -p &lt;path&gt; [-n &lt;count&gt;]</c>.</summary>
    /// <param name="command">The command.</param>
    /// <returns>The usage text.</returns>
    public static string Usage(CommandDescriptor command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parts = new List<string> { command.Name };
        foreach (ArgumentDescriptor a in command.Arguments)
        {
            string s = a.Switches[0] + (a.IsFlag ? string.Empty : $" <{a.Name}>");
            parts.Add(a.IsMandatory ? s : $"[{s}]");
        }

        return string.Join(' ', parts);
    }

    private static string Known(CommandDescriptor command) =>
        command.Arguments.Count == 0 ? "none" : string.Join(", ", command.Arguments.SelectMany(a => a.Switches));
}
