namespace Actors.Cmd;

/// <summary>One command of a palette, as clients see it.</summary>
/// <param name="Name">The command's name, e.g. <c>hierarchy</c>.</param>
/// <param name="Description">One line of help.</param>
/// <param name="Arguments">Its arguments.</param>
public sealed record CommandDescriptor(string Name, string Description, IReadOnlyList<ArgumentDescriptor> Arguments)
{
    /// <summary>Whether it streams responses until the client cancels it (like <c>log tail</c>).</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool IsStreaming { get; init; }

    /// <summary>
    /// Whether it changes the node (stops an actor, resets a breaker, runs a cleanup...). The server runs such a command
    /// only for a client that presented the admin token, on every address, loopback included.
    /// </summary>
    /// <value>Defaults to <see langword="false"/> (a read, open to unauthenticated clients on loopback).</value>
    public bool IsMutation { get; init; }

    /// <summary>Finds the argument a switch sets.</summary>
    /// <param name="switchText">A switch such as <c>-p</c> or <c>--path</c> (case-sensitive).</param>
    /// <returns>The argument, or <see langword="null"/>.</returns>
    public ArgumentDescriptor? FindBySwitch(string switchText)
    {
        foreach (ArgumentDescriptor a in Arguments)
        {
            foreach (string s in a.Switches)
            {
                if (string.Equals(s, switchText, StringComparison.Ordinal))
                {
                    return a;
                }
            }
        }

        return null;
    }
}
