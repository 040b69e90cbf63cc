namespace Actors;

/// <summary>
/// The configuration of a backoff supervisor, built with <see cref="Backoff"/> and refined with the <c>With*</c>
/// methods, each of which returns a new instance.
/// </summary>
public sealed record BackoffOptions
{
    /// <summary>The default capacity of the buffer of messages that arrive while the child is down.</summary>
    public const int DefaultBufferCapacity = 1000;

    private BackoffOptions(BackoffTrigger trigger, Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries)
    {
        Trigger = trigger;
        ChildProps = childProps;
        ChildName = childName;
        MinBackoff = minBackoff;
        MaxBackoff = maxBackoff;
        RandomFactor = randomFactor;
        MaxNrOfRetries = maxNrOfRetries;
        AutoResetAfter = minBackoff;
    }

    /// <summary>What restarts the child.</summary>
    public BackoffTrigger Trigger { get; private init; }

    /// <summary>The child's props.</summary>
    public Props ChildProps { get; private init; }

    /// <summary>The child's name.</summary>
    public string ChildName { get; private init; }

    /// <summary>The first delay.</summary>
    public TimeSpan MinBackoff { get; private init; }

    /// <summary>The cap on the doubling delay (before jitter).</summary>
    public TimeSpan MaxBackoff { get; private init; }

    /// <summary>Jitter in [0, 1].</summary>
    public double RandomFactor { get; private init; }

    /// <summary>Restarts allowed before the supervisor gives up and stops; -1 for no limit.</summary>
    /// <value>Defaults to -1.</value>
    public int MaxNrOfRetries { get; private init; }

    /// <summary>
    /// How long a (re)started child must run without failing or stopping before the restart count returns to 0, or
    /// <see langword="null"/> when only a <see cref="BackoffSupervisor.Reset"/> message resets it.
    /// </summary>
    /// <value>Defaults to <see cref="MinBackoff"/>, as in Akka.NET.</value>
    public TimeSpan? AutoResetAfter { get; private init; }

    /// <summary>The strategy for the child's failures, or <see langword="null"/> for the trigger's default.</summary>
    /// <value>
    /// Defaults to <see langword="null"/>: for <see cref="BackoffTrigger.OnStop"/> the kernel's default strategy
    /// (immediate restart); for the failure triggers a strategy that backs off on every exception except
    /// <see cref="ActorKilledException"/> and <see cref="DeathPactException"/>, which stop the child. Unlike
    /// Akka.NET's default, <see cref="ActorInitializationException"/> (a constructor or <c>PreStart</c> that throws,
    /// such as a refused connection) backs off too instead of stopping for good.
    /// </value>
    public SupervisorStrategy? SupervisorStrategy { get; private init; }

    /// <summary>The reply sent to the sender of a message that arrives while the child is down, instead of buffering it.</summary>
    /// <value>Defaults to <see langword="null"/> (buffer the message).</value>
    public object? ReplyWhileStopped { get; private init; }

    /// <summary>
    /// Recognises the message after which the child's stop is final: the message is forwarded to the child, and when
    /// the child then stops, the supervisor stops instead of restarting it. Received while the child is down, it stops
    /// the supervisor at once.
    /// </summary>
    /// <value>Defaults to <see langword="null"/> (none).</value>
    public Func<object, bool>? FinalStopMessage { get; private init; }

    /// <summary>
    /// How many messages that arrive while the child is down are kept, to be delivered in order (with their senders)
    /// when it is back. A message beyond that is answered with <see cref="BackoffSupervisor.BufferOverflow"/>. 0 turns
    /// buffering off: such messages go to dead letters, as in Akka.NET.
    /// </summary>
    /// <value>Defaults to <see cref="DefaultBufferCapacity"/> (1000).</value>
    public int BufferCapacity { get; private init; } = DefaultBufferCapacity;

    /// <summary>The source of jitter, used only by the supervisor's own thread.</summary>
    /// <value>Defaults to <see langword="null"/> (<see cref="Random.Shared"/>).</value>
    public Random? Random { get; private init; }

    internal static BackoffOptions Create(BackoffTrigger trigger, Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries)
    {
        ArgumentNullException.ThrowIfNull(childProps);
        ArgumentException.ThrowIfNullOrWhiteSpace(childName);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minBackoff, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBackoff, minBackoff);
        if (!(randomFactor >= 0.0 && randomFactor <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(randomFactor), randomFactor, "randomFactor must be in [0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxNrOfRetries, -1);
        return new BackoffOptions(trigger, childProps, childName, minBackoff, maxBackoff, randomFactor, maxNrOfRetries);
    }

    /// <summary>Resets the restart count after the child has run for <paramref name="resetBackoff"/> without failing or stopping.</summary>
    /// <param name="resetBackoff">The stable period (positive).</param>
    /// <returns>The new options.</returns>
    public BackoffOptions WithAutoReset(TimeSpan resetBackoff)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(resetBackoff, TimeSpan.Zero);
        return this with { AutoResetAfter = resetBackoff };
    }

    /// <summary>Resets the restart count only when the supervisor receives <see cref="BackoffSupervisor.Reset"/> (e.g. from the child once it is healthy).</summary>
    /// <returns>The new options.</returns>
    public BackoffOptions WithManualReset() => this with { AutoResetAfter = null };

    /// <summary>Supervises the child's failures with <paramref name="strategy"/> (its decider and logging; see <see cref="BackoffTrigger"/>).</summary>
    /// <param name="strategy">The strategy.</param>
    /// <returns>The new options.</returns>
    public BackoffOptions WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return this with { SupervisorStrategy = strategy };
    }

    /// <summary>Stops the child on any failure, so that with <see cref="BackoffTrigger.OnStop"/> failures are restarted after a backoff too.</summary>
    /// <returns>The new options.</returns>
    public BackoffOptions WithDefaultStoppingStrategy() => this with { SupervisorStrategy = Actors.SupervisorStrategy.StoppingStrategy };

    /// <summary>Answers messages that arrive while the child is down with <paramref name="replyWhileStopped"/> instead of buffering them.</summary>
    /// <param name="replyWhileStopped">The reply.</param>
    /// <returns>The new options.</returns>
    public BackoffOptions WithReplyWhileStopped(object replyWhileStopped)
    {
        ArgumentNullException.ThrowIfNull(replyWhileStopped);
        return this with { ReplyWhileStopped = replyWhileStopped };
    }

    /// <summary>Makes the child's stop after a message matching <paramref name="isFinalStopMessage"/> final (see <see cref="FinalStopMessage"/>).</summary>
    /// <param name="isFinalStopMessage">Recognises the message.</param>
    /// <returns>The new options.</returns>
    public BackoffOptions WithFinalStopMessage(Func<object, bool> isFinalStopMessage)
    {
        ArgumentNullException.ThrowIfNull(isFinalStopMessage);
        return this with { FinalStopMessage = isFinalStopMessage };
    }

    /// <summary>Keeps up to <paramref name="capacity"/> messages while the child is down (0 turns buffering off).</summary>
    /// <param name="capacity">The capacity.</param>
    /// <returns>The new options.</returns>
    public BackoffOptions WithBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        return this with { BufferCapacity = capacity };
    }

    /// <summary>Uses <paramref name="random"/> for jitter (for tests). Do not share one instance between supervisors that run concurrently.</summary>
    /// <param name="random">The source.</param>
    /// <returns>The new options.</returns>
    public BackoffOptions WithRandom(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return this with { Random = random };
    }

    /// <summary>Changes the retry limit.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed before giving up; -1 for no limit, 0 for none.</param>
    /// <returns>The new options.</returns>
    public BackoffOptions WithMaxNrOfRetries(int maxNrOfRetries)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNrOfRetries, -1);
        return this with { MaxNrOfRetries = maxNrOfRetries };
    }
}
