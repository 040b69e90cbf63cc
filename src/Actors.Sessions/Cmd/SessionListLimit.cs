using System.Globalization;
using Actors.Cmd;

namespace Actors.Sessions.Cmd;

/// <summary>The <c>-n N</c> / <c>--all</c> switches and the count line, as the built-in palettes have them.</summary>
internal static class SessionListLimit
{
    public const int Default = 50;

    public static ArgumentDescriptor Limit { get; } =
        ArgumentDescriptor.Option("limit", "-n", "Show at most this many sessions (a positive number)", defaultValue: Default.ToString(CultureInfo.InvariantCulture));

    public static ArgumentDescriptor All { get; } = new("all", ["--all"], "Show every session, however many") { IsFlag = true };

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

    public static string CountLine(int shown, int total) =>
        shown < total
            ? string.Create(CultureInfo.InvariantCulture, $"showing {shown:N0} of {total:N0} sessions; --all for all, -n N for N")
            : string.Create(CultureInfo.InvariantCulture, $"{total:N0} {(total == 1 ? "session" : "sessions")}");
}
