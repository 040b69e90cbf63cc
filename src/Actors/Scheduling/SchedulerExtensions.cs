namespace Actors;

/// <summary>Scheduling that returns its own cancellation handle.</summary>
public static class SchedulerExtensions
{
    /// <summary>Sends once after a delay; returns the handle that cancels it.</summary>
    /// <param name="scheduler">The scheduler.</param>
    /// <param name="delay">The delay.</param>
    /// <param name="receiver">The target.</param>
    /// <param name="message">The message.</param>
    /// <param name="sender">The sender.</param>
    /// <returns>The handle.</returns>
    public static ICancelable ScheduleTellOnceCancelable(this IScheduler scheduler, TimeSpan delay, ICanTell receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var c = new Cancelable();
        scheduler.ScheduleTellOnce(delay, receiver, message, sender, c);
        return c;
    }

    /// <summary>Sends repeatedly; returns the handle that stops it.</summary>
    /// <param name="scheduler">The scheduler.</param>
    /// <param name="initialDelay">The first delay.</param>
    /// <param name="interval">The period.</param>
    /// <param name="receiver">The target.</param>
    /// <param name="message">The message.</param>
    /// <param name="sender">The sender.</param>
    /// <returns>The handle.</returns>
    public static ICancelable ScheduleTellRepeatedlyCancelable(this IScheduler scheduler, TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var c = new Cancelable();
        scheduler.ScheduleTellRepeatedly(initialDelay, interval, receiver, message, sender, c);
        return c;
    }

    /// <summary>Runs once after a delay; returns the handle that cancels it.</summary>
    /// <param name="scheduler">The scheduler.</param>
    /// <param name="delay">The delay.</param>
    /// <param name="action">The action.</param>
    /// <returns>The handle.</returns>
    public static ICancelable ScheduleOnceCancelable(this IScheduler scheduler, TimeSpan delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var c = new Cancelable();
        scheduler.ScheduleOnce(delay, action, c);
        return c;
    }

    /// <summary>Runs repeatedly; returns the handle that stops it.</summary>
    /// <param name="scheduler">The scheduler.</param>
    /// <param name="initialDelay">The first delay.</param>
    /// <param name="interval">The period.</param>
    /// <param name="action">The action.</param>
    /// <returns>The handle.</returns>
    public static ICancelable ScheduleRepeatedlyCancelable(this IScheduler scheduler, TimeSpan initialDelay, TimeSpan interval, Action action)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var c = new Cancelable();
        scheduler.ScheduleRepeatedly(initialDelay, interval, action, c);
        return c;
    }
}
