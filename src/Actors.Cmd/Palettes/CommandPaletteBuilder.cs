namespace Actors.Cmd;

/// <summary>Builds a <see cref="CommandPalette"/>: a name, a description, and commands with their handlers.</summary>
/// <example>
/// <code>
/// CommandPalette greet = new CommandPaletteBuilder("greet", "Friendly commands")
///     .AddCommand("hello", "Says hello", ctx => { ctx.WriteLine($"hello {ctx.GetString("name")}"); return Task.CompletedTask; },
///         ArgumentDescriptor.Option("name", "-n", "Who to greet", defaultValue: "world"))
///     .Build();
/// </code>
/// </example>
/// <param name="name">The palette's name: letters, digits and '-'.</param>
/// <param name="description">One line of help.</param>
public sealed class CommandPaletteBuilder(string name, string description)
{
    private readonly List<CommandDescriptor> _commands = [];
    private readonly Dictionary<string, CommandHandler> _handlers = new(StringComparer.OrdinalIgnoreCase);
    private string? _defaultCommand;

    /// <summary>Adds a command that runs to completion.</summary>
    /// <param name="commandName">Its name.</param>
    /// <param name="commandDescription">One line of help.</param>
    /// <param name="handler">Runs it.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <returns>This builder.</returns>
    public CommandPaletteBuilder AddCommand(string commandName, string commandDescription, CommandHandler handler, params IReadOnlyList<ArgumentDescriptor> arguments) =>
        Add(new CommandDescriptor(commandName, commandDescription, arguments), handler);

    /// <summary>Adds a command that streams responses until the client cancels it.</summary>
    /// <param name="commandName">Its name.</param>
    /// <param name="commandDescription">One line of help.</param>
    /// <param name="handler">Runs it; should return when <see cref="CommandContext.CancellationToken"/> fires.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <returns>This builder.</returns>
    public CommandPaletteBuilder AddStreamingCommand(string commandName, string commandDescription, CommandHandler handler, params IReadOnlyList<ArgumentDescriptor> arguments) =>
        Add(new CommandDescriptor(commandName, commandDescription, arguments) { IsStreaming = true }, handler);

    /// <summary>
    /// Adds a command that changes the node: the server runs it only for clients that presented the admin token
    /// (<see cref="CmdServerOptions.Token"/>), loopback included.
    /// </summary>
    /// <param name="commandName">Its name.</param>
    /// <param name="commandDescription">One line of help.</param>
    /// <param name="handler">Runs it.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <returns>This builder.</returns>
    public CommandPaletteBuilder AddMutatingCommand(string commandName, string commandDescription, CommandHandler handler, params IReadOnlyList<ArgumentDescriptor> arguments) =>
        Add(new CommandDescriptor(commandName, commandDescription, arguments) { IsMutation = true }, handler);

    /// <summary>Makes <paramref name="commandName"/> the command run when the palette is named alone.</summary>
    /// <param name="commandName">A command added to this builder.</param>
    /// <returns>This builder.</returns>
    public CommandPaletteBuilder WithDefaultCommand(string commandName)
    {
        _defaultCommand = commandName;
        return this;
    }

    /// <summary>Adds a command from its descriptor.</summary>
    /// <param name="descriptor">The command.</param>
    /// <param name="handler">Runs it.</param>
    /// <returns>This builder.</returns>
    public CommandPaletteBuilder Add(CommandDescriptor descriptor, CommandHandler handler)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(handler);
        CheckName(descriptor.Name, "command");
        if (!_handlers.TryAdd(descriptor.Name, handler))
        {
            throw new ArgumentException($"Palette [{name}] already has a command [{descriptor.Name}].", nameof(descriptor));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var switches = new HashSet<string>(StringComparer.Ordinal);
        foreach (ArgumentDescriptor a in descriptor.Arguments)
        {
            if (!names.Add(a.Name))
            {
                throw new ArgumentException($"Command [{name} {descriptor.Name}] declares argument [{a.Name}] twice.", nameof(descriptor));
            }

            foreach (string s in a.Switches)
            {
                if (!s.StartsWith('-') || !switches.Add(s))
                {
                    throw new ArgumentException($"Command [{name} {descriptor.Name}]: switch [{s}] must start with '-' and be unique.", nameof(descriptor));
                }
            }
        }

        _commands.Add(descriptor);
        return this;
    }

    /// <summary>Builds the palette.</summary>
    /// <returns>The palette.</returns>
    public CommandPalette Build()
    {
        CheckName(name, "palette");
        if (_commands.Count == 0)
        {
            throw new InvalidOperationException($"Palette [{name}] has no commands.");
        }

        if (_defaultCommand is not null && !_handlers.ContainsKey(_defaultCommand))
        {
            throw new InvalidOperationException($"Palette [{name}] has no command [{_defaultCommand}] to be its default.");
        }

        var descriptor = new PaletteDescriptor(name, description, _commands.ToArray()) { DefaultCommand = _defaultCommand };
        return new CommandPalette(descriptor, new Dictionary<string, CommandHandler>(_handlers, StringComparer.OrdinalIgnoreCase));
    }

    private static void CheckName(string value, string what)
    {
        if (string.IsNullOrEmpty(value) || !char.IsAsciiLetter(value[0]) || !value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException($"Invalid {what} name [{value}]: use letters, digits and '-', starting with a letter.");
        }
    }
}
