namespace Actors;

/// <summary>
/// Keyed timers owned by one actor: starting a timer with a key replaces the earlier one, and a message from a
/// cancelled or replaced timer is never delivered, even if it was already in the mailbox. All timers are cancelled
/// on restart and stop. Use only from the actor's own handlers.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>Sends <paramref name="msg"/> to the actor once after <paramref name="timeout"/>.</summary>
    /// <param name="key">The timer's key.</param>
    /// <param name="msg">The message.</param>
    /// <param name="timeout">The delay.</param>
    void StartSingleTimer(object key, object msg, TimeSpan timeout);

    /// <summary>Sends <paramref name="msg"/> to the actor every <paramref name="interval"/>.</summary>
    /// <param name="key">The timer's key.</param>
    /// <param name="msg">The message.</param>
    /// <param name="interval">The period (also the first delay).</param>
    void StartPeriodicTimer(object key, object msg, TimeSpan interval);

    /// <summary>Sends <paramref name="msg"/> after <paramref name="initialDelay"/> and then every <paramref name="interval"/>.</summary>
    /// <param name="key">The timer's key.</param>
    /// <param name="msg">The message.</param>
    /// <param name="initialDelay">The first delay.</param>
    /// <param name="interval">The period.</param>
    void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval);

    /// <summary>Whether a timer with <paramref name="key"/> is active.</summary>
    /// <param name="key">The key.</param>
    /// <returns>True when active.</returns>
    bool IsTimerActive(object key);

    /// <summary>Cancels the timer with <paramref name="key"/>, if any.</summary>
    /// <param name="key">The key.</param>
    void Cancel(object key);

    /// <summary>Cancels all timers.</summary>
    void CancelAll();

    /// <summary>The keys of the active timers.</summary>
    IReadOnlyCollection<object> ActiveTimers { get; }
}
