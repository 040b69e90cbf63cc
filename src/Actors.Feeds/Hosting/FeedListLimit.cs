using System.Globalization;
using Actors.Cmd;

namespace Actors.Feeds.Hosting;

/// <summary>
/// The <c>-n/--limit N</c> (default 50) and <c>--all</c> switches of <c>pbm feeds list</c> and its count line, the same
/// as the built-in palettes' (whose helper is internal to Actors.Cmd).
/// </summary>
internal static class FeedListLimit
{
    public const int Default = 50;

    public static ArgumentDescriptor Limit() =>
        ArgumentDescriptor.Option("limit", "-n", "Show at most this many feeds (a positive number)", defaultValue: Default.ToString(CultureInfo.InvariantCulture));

    public static ArgumentDescriptor All() => new("all", ["--all"], "Show every feed, however many") { IsFlag = true };

    public static int Read(CommandContext ctx)
    {
        if (ctx.HasFlag("all"))
        {
            return int.MaxValue;
        }

        string text = ctx.GetString("limit") ?? Default.ToString(CultureInfo.InvariantCulture);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int limit) && limit > 0
            ? limit
            : throw new CommandException(CmdErrorCodes.BadArguments, $"-n/--limit must be a positive whole number, not [{text}]; --all shows everything.");
    }

    public static string WithCount(string table, int shown, int total)
    {
        string all = total.ToString("N0", CultureInfo.InvariantCulture);
        return table + "\n" + (shown < total
            ? $"showing {shown.ToString("N0", CultureInfo.InvariantCulture)} of {all} feeds; --all for all, -n N for N"
            : $"{all} {(total == 1 ? "feed" : "feeds")}");
    }
}
