namespace Actors.Cmd;

/// <summary>One argument of a command, as clients see it: its name, the switches that set it, and its rules.</summary>
/// <param name="Name">The name handlers read it by (and the key in an <c>exec</c> frame's <c>args</c>).</param>
/// <param name="Switches">The switches that set it on a command line, e.g. <c>-p</c> and <c>--path</c>.</param>
/// <param name="Description">One line of help.</param>
public sealed record ArgumentDescriptor(string Name, IReadOnlyList<string> Switches, string Description)
{
    /// <summary>Whether the command refuses to run without it.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool IsMandatory { get; init; }

    /// <summary>Whether it is a flag that takes no value (its value is <c>true</c> when present).</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool IsFlag { get; init; }

    /// <summary>The value used when it is not given.</summary>
    /// <value>Defaults to <see langword="null"/> (absent).</value>
    public string? DefaultValue { get; init; }

    /// <summary>An argument that takes a value, set by <c>-x</c> and <c>--name</c>.</summary>
    /// <param name="name">Its name (also the long switch).</param>
    /// <param name="shortSwitch">The short switch, e.g. <c>-p</c>.</param>
    /// <param name="description">One line of help.</param>
    /// <param name="defaultValue">Its default, if any.</param>
    /// <param name="mandatory">Whether it must be given.</param>
    /// <returns>The descriptor.</returns>
    public static ArgumentDescriptor Option(string name, string shortSwitch, string description, string? defaultValue = null, bool mandatory = false) =>
        new(name, [shortSwitch, "--" + name], description) { DefaultValue = defaultValue, IsMandatory = mandatory };

    /// <summary>A flag, set by <c>-x</c> and <c>--name</c>.</summary>
    /// <param name="name">Its name (also the long switch).</param>
    /// <param name="shortSwitch">The short switch.</param>
    /// <param name="description">One line of help.</param>
    /// <returns>The descriptor.</returns>
    public static ArgumentDescriptor Flag(string name, string shortSwitch, string description) =>
        new(name, [shortSwitch, "--" + name], description) { IsFlag = true };
}
