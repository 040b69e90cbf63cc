namespace Actors;

/// <summary>
/// A supervisor that starts its child again after an exponentially growing, jittered delay when it fails or stops,
/// instead of at once: the answer to a resource that refuses connections fifty times in a row. While the child is
/// down, messages are buffered (bounded) and delivered in order when it is back. Its state changes are published on
/// the event stream as <see cref="BackoffSupervisorEvent"/> records.
/// </summary>
public static class BackoffSupervisor
{
    /// <summary>Props of a backoff supervisor.</summary>
    /// <param name="options">Built with <see cref="Backoff"/>.</param>
    /// <returns>The props.</returns>
    public static Props Props(BackoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Actors.Props.Create(() => new BackoffSupervisorActor(options));
    }

    /// <summary>
    /// The delay before the restart that follows <paramref name="restartCount"/> earlier ones:
    /// min(<paramref name="maxBackoff"/>, <paramref name="minBackoff"/> * 2^restartCount) * (1 + r * <paramref name="randomFactor"/>),
    /// r uniform in [0, 1) from <paramref name="random"/>.
    /// </summary>
    /// <param name="restartCount">Restarts so far (0 before the first).</param>
    /// <param name="minBackoff">The first delay.</param>
    /// <param name="maxBackoff">The cap before jitter.</param>
    /// <param name="randomFactor">Jitter in [0, 1].</param>
    /// <param name="random">The source of r; <see langword="null"/> uses <see cref="Random.Shared"/>.</param>
    /// <returns>The delay.</returns>
    public static TimeSpan CalculateDelay(int restartCount, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(restartCount);
        double r = randomFactor == 0.0 ? 0.0 : (random ?? Random.Shared).NextDouble();
        double capped = restartCount >= 62
            ? maxBackoff.Ticks
            : Math.Min(maxBackoff.Ticks, minBackoff.Ticks * Math.Pow(2, restartCount));
        double ticks = capped * (1.0 + (r * randomFactor));
        return ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Asks the supervisor for its current child; it answers <see cref="CurrentChild"/>.</summary>
    public sealed class GetCurrentChild
    {
        private GetCurrentChild()
        {
        }

        /// <summary>The message.</summary>
        public static GetCurrentChild Instance { get; } = new();
    }

    /// <summary>The answer to <see cref="GetCurrentChild"/>.</summary>
    /// <param name="Ref">The running child, or <see langword="null"/> while it is down.</param>
    public sealed record CurrentChild(IActorRef? Ref);

    /// <summary>Asks the supervisor how many restarts it counts; it answers <see cref="RestartCount"/>.</summary>
    public sealed class GetRestartCount
    {
        private GetRestartCount()
        {
        }

        /// <summary>The message.</summary>
        public static GetRestartCount Instance { get; } = new();
    }

    /// <summary>The answer to <see cref="GetRestartCount"/>.</summary>
    /// <param name="Count">Restarts since the start or the last reset.</param>
    public sealed record RestartCount(int Count);

    /// <summary>
    /// Resets the restart count to 0, so the next delay is the minimum again. Accepted whatever the reset mode (with
    /// <see cref="BackoffOptions.WithManualReset"/> it is the only way); a restart already scheduled still happens.
    /// </summary>
    public sealed class Reset
    {
        private Reset()
        {
        }

        /// <summary>The message.</summary>
        public static Reset Instance { get; } = new();
    }

    /// <summary>
    /// The reply to the sender of a message that arrived while the child was down and the buffer was full: the message
    /// was not delivered.
    /// </summary>
    /// <param name="Message">The message that was not delivered.</param>
    public sealed record BufferOverflow(object Message);
}
