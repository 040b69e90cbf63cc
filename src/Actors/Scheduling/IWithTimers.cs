namespace Actors;

/// <summary>An actor with keyed timers; the kernel sets <see cref="Timers"/> before the actor's first message.</summary>
public interface IWithTimers
{
    /// <summary>The actor's timers.</summary>
    ITimerScheduler Timers { get; set; }
}
