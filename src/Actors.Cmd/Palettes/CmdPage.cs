namespace Actors.Cmd;

/// <summary>
/// The data of a list command: the rows shown (at most the limit, <c>-n</c>, 50 by default; all with <c>--all</c>) and
/// how many there are in all.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
/// <param name="Items">The rows shown, in the command's order.</param>
/// <param name="Total">How many rows there are in all.</param>
public sealed record CmdPage<T>(IReadOnlyList<T> Items, int Total)
{
    /// <summary>How many rows are shown.</summary>
    public int Shown => Items.Count;

    /// <summary>Whether rows were left out because of the limit.</summary>
    public bool IsTruncated => Items.Count < Total;
}
