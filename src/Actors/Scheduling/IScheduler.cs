namespace Actors;

/// <summary>Schedules messages and actions on the system's <see cref="TimeProvider"/>.</summary>
public interface IScheduler
{
    /// <summary>The current time of the system's clock.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Sends <paramref name="message"/> once after <paramref name="delay"/>.</summary>
    /// <param name="delay">The delay.</param>
    /// <param name="receiver">The target.</param>
    /// <param name="message">The message.</param>
    /// <param name="sender">The sender.</param>
    /// <param name="cancelable">Cancels the send when cancelled first.</param>
    void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender, ICancelable? cancelable = null);

    /// <summary>Sends <paramref name="message"/> after <paramref name="initialDelay"/> and then every <paramref name="interval"/>.</summary>
    /// <param name="initialDelay">The first delay.</param>
    /// <param name="interval">The period.</param>
    /// <param name="receiver">The target.</param>
    /// <param name="message">The message.</param>
    /// <param name="sender">The sender.</param>
    /// <param name="cancelable">Stops the repetition when cancelled.</param>
    void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender, ICancelable? cancelable = null);

    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/>; exceptions are logged, never rethrown.</summary>
    /// <param name="delay">The delay.</param>
    /// <param name="action">The action.</param>
    /// <param name="cancelable">Cancels it when cancelled first.</param>
    void ScheduleOnce(TimeSpan delay, Action action, ICancelable? cancelable = null);

    /// <summary>Runs <paramref name="action"/> after <paramref name="initialDelay"/> and then every <paramref name="interval"/>.</summary>
    /// <param name="initialDelay">The first delay.</param>
    /// <param name="interval">The period.</param>
    /// <param name="action">The action.</param>
    /// <param name="cancelable">Stops the repetition when cancelled.</param>
    void ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action, ICancelable? cancelable = null);
}
