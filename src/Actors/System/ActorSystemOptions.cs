using Actors.Event;
using Actors.Hocon;

namespace Actors;

/// <summary>Settings of an actor system. Every value has a documented default; HOCON configuration maps onto these.</summary>
public sealed class ActorSystemOptions
{
    /// <summary>The clock for everything that waits: scheduler, timers, receive and ask timeouts, retry windows.</summary>
    /// <value>Defaults to <see cref="TimeProvider.System"/>; the TestKit passes a virtual clock.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Most user messages an actor processes per turn on the default dispatcher.</summary>
    /// <value>Defaults to 30.</value>
    public int Throughput { get; set; } = 30;

    /// <summary>Further dispatchers by id, each with its throughput.</summary>
    /// <value>Defaults to none besides <c>default-dispatcher</c>.</value>
    public IDictionary<string, int> Dispatchers { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Mailboxes by id, each with its capacity (0 = unbounded).</summary>
    /// <value>Defaults to <c>default-mailbox</c> = 0 and <c>bounded-mailbox</c> = 1000.</value>
    public IDictionary<string, int> Mailboxes { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [Actors.Mailboxes.DefaultMailboxId] = 0,
        [Actors.Mailboxes.BoundedMailboxId] = 1000,
    };

    /// <summary>How long an <c>Ask</c> without an explicit timeout waits.</summary>
    /// <value>Defaults to 10 seconds (Akka.NET waits forever by default, a known foot-gun).</value>
    public TimeSpan AskTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The lowest level of log event published.</summary>
    /// <value>Defaults to <see cref="LogLevel.InfoLevel"/>.</value>
    public LogLevel LogLevel { get; set; } = LogLevel.InfoLevel;

    /// <summary>Whether the console logger is started.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool StdoutLogger { get; set; } = true;

    /// <summary>How many dead letters are logged before logging pauses; 0 turns dead-letter logging off.</summary>
    /// <value>Defaults to 10.</value>
    public int LogDeadLetters { get; set; } = 10;

    /// <summary>How long dead-letter logging pauses after <see cref="LogDeadLetters"/> were logged.</summary>
    /// <value>Defaults to 5 minutes.</value>
    public TimeSpan LogDeadLettersSuspendDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The strategy of the <c>/user</c> guardian for top-level actors.</summary>
    /// <value>Defaults to <see cref="SupervisorStrategy.DefaultStrategy"/>.</value>
    public SupervisorStrategy? GuardianSupervisorStrategy { get; set; }

    /// <summary>Coordinated shutdown settings.</summary>
    public CoordinatedShutdownOptions CoordinatedShutdown { get; } = new();

    /// <summary>
    /// Rewrites the props of an actor at a given path before it is created (HOCON <c>actors.deployment</c>).
    /// </summary>
    /// <value>Defaults to <see langword="null"/> (no overrides).</value>
    public Func<ActorPath, Props, Props>? Deployer { get; set; }

    /// <summary>
    /// Further loggers: each is started under <c>/system</c> before any user actor and subscribed to
    /// <see cref="LogEvent"/> (hosting adds the one that forwards to <c>ILogger</c>).
    /// </summary>
    /// <value>Defaults to none.</value>
    public IList<Props> Loggers { get; } = new List<Props>();

    /// <summary>
    /// The complete configuration the options were read from (user settings over reference defaults), for extensions
    /// that read their own sections.
    /// </summary>
    /// <value>Defaults to <see cref="ReferenceConfig.Kernel"/>.</value>
    public Config Config { get; set; } = ReferenceConfig.Kernel;

    /// <summary>Warnings found while reading the configuration (unknown keys), logged once the system has started.</summary>
    internal List<string> ConfigWarnings { get; } = new();

    /// <summary>
    /// Reads options from HOCON: <paramref name="config"/> over the kernel's <c>reference.conf</c>. Unknown keys under
    /// <c>actors.</c> are logged as warnings when the system starts.
    /// </summary>
    /// <param name="config">The user's configuration.</param>
    /// <returns>The options.</returns>
    /// <exception cref="HoconException">A value is missing or malformed; the message names file:line:column and path.</exception>
    public static ActorSystemOptions FromConfig(Config config) => ActorSystemConfigReader.Read(config, ReferenceConfig.Kernel);

    /// <summary>
    /// Reads options from HOCON: <paramref name="config"/> over <paramref name="reference"/> (for example
    /// <see cref="ReferenceConfig.Load"/> of the assemblies in use), which also defines which keys are known.
    /// </summary>
    /// <param name="config">The user's configuration.</param>
    /// <param name="reference">The defaults, including the kernel's.</param>
    /// <returns>The options.</returns>
    /// <exception cref="HoconException">A value is missing or malformed; the message names file:line:column and path.</exception>
    public static ActorSystemOptions FromConfig(Config config, Config reference) => ActorSystemConfigReader.Read(config, reference);

    /// <summary>Tracks whether any actor has work, so the TestKit can wait for the system to be idle.</summary>
    internal bool TrackActivity { get; set; }
}
