using Actors.Feeds.Confirm;
using Actors.Feeds.Signals;
using Akka.Streams;

namespace Actors.Feeds.Units;

// The protocol between a feed worker and its own stream (internal).

internal sealed record FeedConnecting(int Attempt, SharedKillSwitch KillSwitch);

internal sealed record FeedConnectionEnded(int Attempt, Exception? Cause);

internal sealed record FeedUpdate(FeedSignal Signal, ConfirmResult? Confirm);

internal sealed record FeedStreamInit
{
    public static FeedStreamInit Instance { get; } = new();
}

internal sealed record FeedAck
{
    public static FeedAck Instance { get; } = new();
}

internal sealed record FeedStreamCompleted
{
    public static FeedStreamCompleted Instance { get; } = new();
}

internal sealed record FeedStreamFailed(Exception Cause);

internal sealed record CheckStale
{
    public static CheckStale Instance { get; } = new();
}
