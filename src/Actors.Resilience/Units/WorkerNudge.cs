namespace Actors.Resilience.Units;

/// <summary>
/// Wakes a worker whose message was put straight into its <see cref="WorkerMessageQueue"/> (see
/// <see cref="WorkerMessageQueue.Send"/>); the queue drops it, so the worker never sees it, and a worker already gone
/// sends it to dead letters without a log line.
/// </summary>
internal sealed class WorkerNudge : IDeadLetterSuppression
{
    private WorkerNudge()
    {
    }

    public static WorkerNudge Instance { get; } = new();
}
