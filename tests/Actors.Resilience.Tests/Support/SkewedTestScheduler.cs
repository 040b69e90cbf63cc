using Akka.Event;
using Akka.TestKit;
using AkkaConfig = Akka.Configuration.Config;

namespace Actors.Resilience.Tests.Support;

/// <summary>
/// Akka.TestKit's <see cref="TestScheduler"/> whose clock (<see cref="ITimeProvider.Now"/>, what the resilience actors
/// read as <c>Scheduler.Now</c>) is <see cref="ClockOffset"/> away from the time its timers run on. In Akka 1.5.75
/// <c>TestScheduler.Now</c> implements <c>ITimeProvider.Now</c> and is not virtual; naming <see cref="IScheduler"/>
/// again in the base list re-implements it and its base interfaces (<see cref="ITimeProvider"/> among them), so the
/// explicit member below is what <c>Scheduler.Now</c> calls, while timers (scheduled and fired from the base's own
/// field) keep the timer clock. Used to reproduce timers that fire slightly before or after the wall clock says they are due.
/// </summary>
public sealed class SkewedTestScheduler : TestScheduler, IScheduler
{
    /// <summary>The <c>akka.scheduler.implementation</c> value for this type.</summary>
    public const string TypeName = "Actors.Resilience.Tests.Support.SkewedTestScheduler, Actors.Resilience.Tests";

    private long _offsetTicks;

    /// <summary>Akka creates schedulers with this signature.</summary>
    public SkewedTestScheduler(AkkaConfig schedulerConfig, ILoggingAdapter log)
        : base(schedulerConfig, log)
    {
    }

    /// <summary>How far the clock is from the timers: negative when the clock lags them (timers fire early by the clock), positive when it runs ahead.</summary>
    public TimeSpan ClockOffset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    /// <summary>The time the timers run on (the base scheduler's own time).</summary>
    public DateTimeOffset TimerNow => TimeNow;

    DateTimeOffset ITimeProvider.Now => TimeNow + ClockOffset;
}
