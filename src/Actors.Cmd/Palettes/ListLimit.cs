using System.Globalization;

namespace Actors.Cmd;

/// <summary>
/// The limit every list command takes: <c>-n/--limit N</c> (default <see cref="Default"/>) or <c>--all</c>, and the
/// count line printed under each table ("showing 50 of 1000 instances; --all for all"). Palettes of workloads use it
/// so every list of <c>pbm</c> reads the same.
/// </summary>
public static class ListLimit
{
    /// <summary>The limit without <c>-n</c>.</summary>
    public const int Default = 50;

    /// <summary>The name of the limit argument.</summary>
    public const string LimitName = "limit";

    /// <summary>The name of the <c>--all</c> flag.</summary>
    public const string AllName = "all";

    /// <summary>The <c>-n/--limit</c> argument.</summary>
    /// <param name="plural">What is listed, for the help text (for example "sessions").</param>
    /// <returns>The argument.</returns>
    public static ArgumentDescriptor Limit(string plural) =>
        ArgumentDescriptor.Option(LimitName, "-n", $"Show at most this many {plural} (a positive number)", defaultValue: Default.ToString(CultureInfo.InvariantCulture));

    /// <summary>The <c>--all</c> flag.</summary>
    /// <param name="plural">What is listed, for the help text.</param>
    /// <returns>The flag.</returns>
    public static ArgumentDescriptor All(string plural) =>
        new(AllName, ["--all"], $"Show every one of the {plural}, however many") { IsFlag = true };

    /// <summary>The limit a command runs with: <see cref="int.MaxValue"/> with <c>--all</c>.</summary>
    /// <param name="ctx">The command's context.</param>
    /// <returns>The limit.</returns>
    /// <exception cref="CommandException">Code <see cref="CmdErrorCodes.BadArguments"/>: the limit is not a positive whole number.</exception>
    public static int Read(CommandContext ctx)
    {
        if (ctx.HasFlag(AllName))
        {
            return int.MaxValue;
        }

        string text = ctx.GetString(LimitName) ?? Default.ToString(CultureInfo.InvariantCulture);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int limit) && limit > 0
            ? limit
            : throw new CommandException(CmdErrorCodes.BadArguments, $"-n/--limit must be a positive whole number, not [{text}]; --all shows everything.");
    }

    /// <summary>The first <paramref name="limit"/> of <paramref name="rows"/>, with their total.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="rows">Every row.</param>
    /// <param name="limit">How many to keep.</param>
    /// <returns>The page.</returns>
    public static CmdPage<T> Page<T>(IReadOnlyList<T> rows, int limit) =>
        new(rows.Count <= limit ? rows : rows.Take(limit).ToArray(), rows.Count);

    /// <summary>"showing 50 of 1000 instances; --all for all, -n N for N", or "3 instances" when nothing was left out.</summary>
    /// <param name="shown">Rows shown.</param>
    /// <param name="total">Rows in all.</param>
    /// <param name="singular">What one row is (for example "session").</param>
    /// <param name="plural">What several are.</param>
    /// <returns>The line.</returns>
    public static string CountLine(int shown, int total, string singular, string plural)
    {
        string all = total.ToString("N0", CultureInfo.InvariantCulture);
        return shown < total
            ? $"showing {shown.ToString("N0", CultureInfo.InvariantCulture)} of {all} {plural}; --all for all, -n N for N"
            : $"{all} {(total == 1 ? singular : plural)}";
    }

    /// <summary>A table followed by its count line.</summary>
    /// <param name="table">The table.</param>
    /// <param name="shown">Rows shown.</param>
    /// <param name="total">Rows in all.</param>
    /// <param name="singular">What one row is.</param>
    /// <param name="plural">What several are.</param>
    /// <returns>The table and the line.</returns>
    public static string WithCount(string table, int shown, int total, string singular, string plural) =>
        table + "\n" + CountLine(shown, total, singular, plural);
}
