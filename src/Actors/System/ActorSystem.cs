using Actors.Event;
using Actors.Hocon;

namespace Actors;

/// <summary>
/// A hierarchy of actors with its dispatchers, scheduler, event stream and dead letters. Create one per
/// application with <see cref="Create(string)"/>; stop it with <see cref="Terminate"/>.
/// </summary>
public abstract class ActorSystem : IActorRefFactory, IDisposable
{
    private protected ActorSystem()
    {
    }

    /// <summary>Creates and starts a system with default options.</summary>
    /// <param name="name">The name: letters, digits, '-' and '_', starting with a letter or digit.</param>
    /// <returns>The running system.</returns>
    public static ActorSystem Create(string name) => Create(name, new ActorSystemOptions());

    /// <summary>
    /// Creates and starts a system configured by HOCON: <paramref name="config"/> merged over the kernel's
    /// <c>reference.conf</c> (see <see cref="ActorSystemOptions.FromConfig(Config)"/>).
    /// </summary>
    /// <param name="name">The name: letters, digits, '-' and '_', starting with a letter or digit.</param>
    /// <param name="config">The user's configuration.</param>
    /// <returns>The running system.</returns>
    /// <exception cref="HoconException">A value is missing or malformed; the message names file:line:column and path.</exception>
    public static ActorSystem Create(string name, Config config) => Create(name, ActorSystemOptions.FromConfig(config));

    /// <summary>Creates and starts a system.</summary>
    /// <param name="name">The name: letters, digits, '-' and '_', starting with a letter or digit.</param>
    /// <param name="options">The settings.</param>
    /// <returns>The running system.</returns>
    public static ActorSystem Create(string name, ActorSystemOptions options)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        if (name.Length == 0 || !char.IsAsciiLetterOrDigit(name[0]) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"Invalid actor system name [{name}]: use letters, digits, '-' and '_', starting with a letter or digit.", nameof(name));
        }

        var system = new ActorSystemImpl(name, options);
        system.Start();
        return system;
    }

    /// <summary>The system's name.</summary>
    public abstract string Name { get; }

    /// <summary>The settings the system was created with.</summary>
    public abstract ActorSystemOptions Settings { get; }

    /// <summary>The clock everything in the system reads.</summary>
    public abstract TimeProvider TimeProvider { get; }

    /// <summary>Schedules messages and actions on <see cref="TimeProvider"/>.</summary>
    public abstract IScheduler Scheduler { get; }

    /// <summary>Publish/subscribe by event type.</summary>
    public abstract EventStream EventStream { get; }

    /// <summary>Where undeliverable messages go; each becomes a <see cref="DeadLetter"/> event.</summary>
    public abstract IActorRef DeadLetters { get; }

    /// <summary>The system's own logger.</summary>
    public abstract ILoggingAdapter Log { get; }

    /// <summary>When the system started.</summary>
    public abstract DateTimeOffset StartTime { get; }

    /// <summary>How long the system has been running.</summary>
    public TimeSpan Uptime => TimeProvider.GetUtcNow() - StartTime;

    /// <summary>Completes when the system has terminated.</summary>
    public abstract Task WhenTerminated { get; }

    /// <summary>Creates a top-level actor under <c>/user</c>. Safe from any thread.</summary>
    /// <param name="props">How to create it.</param>
    /// <param name="name">Its name, or <see langword="null"/> for a generated one.</param>
    /// <returns>The actor.</returns>
    public abstract IActorRef ActorOf(Props props, string? name = null);

    /// <inheritdoc/>
    public abstract ActorSelection ActorSelection(string path);

    /// <summary>Selects actors by an absolute path.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The selection.</returns>
    public abstract ActorSelection ActorSelection(ActorPath path);

    /// <summary>Stops an actor asynchronously.</summary>
    /// <param name="actor">The actor.</param>
    public abstract void Stop(IActorRef actor);

    /// <summary>Stops all actors (running coordinated shutdown first, unless configured otherwise) and completes when done.</summary>
    /// <returns><see cref="WhenTerminated"/>.</returns>
    public abstract Task Terminate();

    /// <summary>Terminates the system and waits for it.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Terminates the system when <paramref name="disposing"/>.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Terminate().Wait(TimeSpan.FromSeconds(30));
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"ActorSystem({Name})";
}
