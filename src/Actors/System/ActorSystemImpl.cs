using System.Collections.Concurrent;
using Actors.Event;

namespace Actors;

/// <summary>The actor system: guardians, dispatchers, mailboxes, event stream, scheduler.</summary>
internal sealed class ActorSystemImpl : ActorSystem
{
    private readonly ActorSystemOptions _options;
    private readonly Dictionary<string, ThreadPoolDispatcher> _dispatchers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MailboxSettings> _mailboxes = new(StringComparer.Ordinal);
    private readonly ThreadPoolDispatcher _defaultDispatcher;
    private readonly MailboxSettings? _defaultMailbox;
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<Type, object> _extensions = new();
    private readonly DeadLetterActorRef _deadLetters;
    private readonly EventStream _eventStream;
    private readonly TimeProviderScheduler _scheduler;
    private readonly ILoggingAdapter _log;
    private ActorCell _root = null!;
    private ActorCell _userGuardian = null!;
    private ActorCell _systemGuardian = null!;
    private int _terminating;

    public ActorSystemImpl(string name, ActorSystemOptions options)
    {
        Name = name;
        _options = options;
        Address = "actors://" + name;
        TimeProvider = options.TimeProvider;
        StartTime = TimeProvider.GetUtcNow();
        Activity = options.TrackActivity ? new ActivityCounter() : null;
        _dispatchers[Actors.Dispatchers.DefaultDispatcherId] = new ThreadPoolDispatcher(Actors.Dispatchers.DefaultDispatcherId, options.Throughput);
        foreach ((string id, int throughput) in options.Dispatchers)
        {
            _dispatchers[id] = new ThreadPoolDispatcher(id, throughput);
        }

        foreach ((string id, int capacity) in options.Mailboxes)
        {
            _mailboxes[id] = capacity <= 0 ? MailboxSettings.Unbounded : new MailboxSettings(capacity);
        }

        // Most props name the defaults by the same interned constants: spawning then skips two string-hash lookups.
        _defaultDispatcher = _dispatchers[Actors.Dispatchers.DefaultDispatcherId];
        _defaultMailbox = _mailboxes.GetValueOrDefault(Actors.Mailboxes.DefaultMailboxId);

        _eventStream = new EventStream(this);
        _deadLetters = new DeadLetterActorRef(new RootActorPath(Address) / "deadLetters", _eventStream);
        _scheduler = new TimeProviderScheduler(TimeProvider, this);
        _log = new BusLogging(this, Address, typeof(ActorSystem), null);
    }

    public string Address { get; }

    public override string Name { get; }

    public override ActorSystemOptions Settings => _options;

    public override TimeProvider TimeProvider { get; }

    public override IScheduler Scheduler => _scheduler;

    public override EventStream EventStream => _eventStream;

    public override IActorRef DeadLetters => _deadLetters;

    public override ILoggingAdapter Log => _log;

    public override DateTimeOffset StartTime { get; }

    public override Task WhenTerminated => _terminated.Task;

    public LogLevel LogLevel => _options.LogLevel;

    /// <summary>Non-null when the TestKit tracks activity to detect an idle system.</summary>
    public ActivityCounter? Activity { get; }

    public ActorCell UserGuardian => _userGuardian;

    public ActorCell SystemGuardian => _systemGuardian;

    public ActorCell RootCell => _root;

    public bool IsTerminating => Volatile.Read(ref _terminating) != 0;

    public void Start()
    {
        var rootPath = new RootActorPath(Address);
        var rootMailbox = new Mailbox(ResolveDispatcher(Actors.Dispatchers.DefaultDispatcherId), MailboxSettings.Unbounded);
        _root = new ActorCell(this, rootPath, Props.Create(() => new RootGuardian()), new TerminationSentinel(this, rootPath), rootMailbox);
        Props userProps = Props.Create(() => new GuardianActor()).WithSupervisorStrategy(_options.GuardianSupervisorStrategy ?? SupervisorStrategy.DefaultStrategy);
        _userGuardian = ((LocalActorRef)_root.MakeChild(userProps, "user", systemService: true)).Cell;
        _systemGuardian = ((LocalActorRef)_root.MakeChild(Props.Create(() => new GuardianActor()), "system", systemService: true)).Cell;
        _root.Start();
        if (_options.StdoutLogger)
        {
            IActorRef logger = SystemActorOf(Props.Create(() => new StandardOutLogger()), "log-stdout");
            _eventStream.Subscribe<LogEvent>(logger);
        }

        for (int i = 0; i < _options.Loggers.Count; i++)
        {
            Props loggerProps = _options.Loggers[i];
            IActorRef logger = SystemActorOf(loggerProps, $"log{i + 1}-{loggerProps.Type.Name}");
            _eventStream.Subscribe<LogEvent>(logger);
        }

        foreach (string warning in _options.ConfigWarnings)
        {
            Log.Warning("{Warning}", warning);
        }

        if (_options.LogDeadLetters > 0)
        {
            IActorRef listener = SystemActorOf(Props.Create(() => new DeadLetterListener(_options.LogDeadLetters, _options.LogDeadLettersSuspendDuration)), "deadLetterListener");
            _eventStream.Subscribe<DeadLetter>(listener);
        }
    }

    /// <summary>Creates an actor under <c>/system</c>.</summary>
    public IActorRef SystemActorOf(Props props, string? name = null) => _systemGuardian.MakeChild(props, name, systemService: true);

    public override IActorRef ActorOf(Props props, string? name = null) => _userGuardian.MakeChild(props, name, systemService: false);

    public ActorCell CreateCell(ActorPath path, Props props, InternalActorRef parent)
    {
        if (_options.Deployer is { } deployer)
        {
            props = deployer(path, props);
        }

        var mailbox = new Mailbox(ResolveDispatcher(props.Dispatcher), ResolveMailbox(props.Mailbox));
        return new ActorCell(this, path, props, parent, mailbox);
    }

    private ThreadPoolDispatcher ResolveDispatcher(string id) =>
        ReferenceEquals(id, Actors.Dispatchers.DefaultDispatcherId) ? _defaultDispatcher
        : _dispatchers.TryGetValue(id, out ThreadPoolDispatcher? d)
            ? d
            : throw new ArgumentException($"Unknown dispatcher [{id}]; configured: {string.Join(", ", _dispatchers.Keys)}.");

    private MailboxSettings ResolveMailbox(string id) =>
        ReferenceEquals(id, Actors.Mailboxes.DefaultMailboxId) && _defaultMailbox is { } defaultMailbox ? defaultMailbox
        : _mailboxes.TryGetValue(id, out MailboxSettings? m)
            ? m
            : throw new ArgumentException($"Unknown mailbox [{id}]; configured: {string.Join(", ", _mailboxes.Keys)}.");

    public override ActorSelection ActorSelection(string path) => SelectFrom(_root.Self, path);

    public override ActorSelection ActorSelection(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new ActorSelection(_root.Self, path.Elements);
    }

    public ActorSelection SelectFrom(IActorRef anchor, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.StartsWith(Address, StringComparison.Ordinal))
        {
            path = path[Address.Length..];
            anchor = _root.Self;
        }
        else if (path.StartsWith("actors://", StringComparison.Ordinal))
        {
            return new ActorSelection(_deadLetters, Array.Empty<string>());
        }
        else if (path.StartsWith('/'))
        {
            anchor = _root.Self;
        }

        string[] elements = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return new ActorSelection(anchor, elements);
    }

    public override void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor = ActorCell.Unwrap(actor);
        if (actor is LocalActorRef local && local.Cell.Parent is LocalActorRef parent)
        {
            parent.Cell.Stop(actor);
        }
        else if (actor is InternalActorRef internalRef)
        {
            internalRef.SendSystemMessage(new Terminate());
        }
    }

    public override Task Terminate()
    {
        if (_options.CoordinatedShutdown.RunByActorSystemTerminate)
        {
            CoordinatedShutdown cs = Actors.CoordinatedShutdown.Get(this);
            if (!cs.IsRunning)
            {
                _ = cs.Run(Actors.CoordinatedShutdown.ActorSystemTerminateReason.Instance);
                return WhenTerminated;
            }
        }

        return FinalTerminate();
    }

    /// <summary>Stops the guardians; called by the last phase of coordinated shutdown or directly.</summary>
    public Task FinalTerminate()
    {
        if (Interlocked.Exchange(ref _terminating, 1) == 0)
        {
            _userGuardian.Self.SendSystemMessage(new Terminate());
        }

        return WhenTerminated;
    }

    public bool IsRootCell(ActorCell cell) => ReferenceEquals(cell, _root);

    public void OnGuardianFailed(IActorRef guardian, Exception cause)
    {
        PublishError(guardian.Path, typeof(ActorSystem), cause, $"Guardian {guardian.Path} failed with {cause.GetType().Name}: {cause.Message}; the failure reached the root, stopping the actor system");
        _ = FinalTerminate();
    }

    public void OnRootTerminated()
    {
        _scheduler.Shutdown();
        _terminated.TrySetResult();
    }

    public T GetOrAddExtension<T>(Func<ActorSystemImpl, T> factory) where T : class =>
        (T)_extensions.GetOrAdd(typeof(T), static (_, arg) => arg.factory(arg.system), (factory, system: this));

    public void ReportKernelFault(ActorCell cell, Exception e) =>
        PublishError(cell.Self.Path, typeof(Mailbox), e, "Internal error while running the mailbox");

    public void PublishDebug(ActorPath source, Type logClass, string message)
    {
        if (LogLevel <= LogLevel.DebugLevel)
        {
            _eventStream.Publish(new Debug(TimeProvider.GetUtcNow(), source.ToString(), logClass, message, null));
        }
    }

    public void PublishWarning(ActorPath source, Type logClass, Exception? cause, string message)
    {
        if (LogLevel <= LogLevel.WarningLevel)
        {
            _eventStream.Publish(new Warning(TimeProvider.GetUtcNow(), source.ToString(), logClass, message, cause));
        }
    }

    public void PublishError(ActorPath source, Type logClass, Exception? cause, string message)
    {
        if (LogLevel <= LogLevel.ErrorLevel)
        {
            _eventStream.Publish(new Error(TimeProvider.GetUtcNow(), source.ToString(), logClass, message, cause));
        }
    }
}
