using Actors.Event;
using Xunit.Abstractions;

namespace Actors.TestKit;

/// <summary>
/// Base class for xunit tests of actors: each test gets a fresh actor system (on a virtual clock by default) and a
/// test actor whose messages the Expect methods inspect; the system is shut down when the test is disposed.
/// Safe under xunit's parallel runs: nothing is shared between tests.
/// </summary>
public class TestKit : TestKitBase, IDisposable
{
    private static int s_counter;
    private readonly ActorSystem _system;
    private readonly IActorRef _testActor;
    private readonly TestLogger _logger;
    private bool _disposed;

    /// <summary>Creates the kit with a virtual clock.</summary>
    /// <param name="output">Where log events of the system are written; <see langword="null"/> to drop them.</param>
    public TestKit(ITestOutputHelper? output = null) : this(new ActorSystemOptions(), output)
    {
    }

    /// <summary>Creates the kit.</summary>
    /// <param name="options">System options; a virtual clock is installed unless <paramref name="virtualTime"/> is false.</param>
    /// <param name="output">Where log events of the system are written.</param>
    /// <param name="virtualTime">Whether the system runs on a <see cref="VirtualTimeProvider"/>.</param>
    /// <param name="systemName">The system's name; a unique one by default.</param>
    public TestKit(ActorSystemOptions options, ITestOutputHelper? output = null, bool virtualTime = true, string? systemName = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (virtualTime)
        {
            Clock = new VirtualTimeProvider();
            options.TimeProvider = Clock;
        }

        options.TrackActivity = true;
        options.StdoutLogger = false;
        _system = ActorSystem.Create(systemName ?? $"test-{Interlocked.Increment(ref s_counter)}", options);
        _logger = new TestLogger(output);
        IActorRef loggerRef = ((ActorSystemImpl)_system).SystemActorOf(Props.Create(() => new TestLoggerActor(_logger)), "log-test");
        _system.EventStream.Subscribe<LogEvent>(loggerRef);
        _system.EventStream.Subscribe<DeadLetter>(loggerRef);
        _system.EventStream.Subscribe<UnhandledMessage>(loggerRef);
        _testActor = _system.ActorOf(Props.Create(() => new TestActor(Writer)), "testActor");
        EventFilter = new EventFilterFactory(this, _logger);
    }

    /// <inheritdoc/>
    public override ActorSystem Sys => _system;

    /// <inheritdoc/>
    public override IActorRef TestActor => _testActor;

    /// <inheritdoc/>
    public override TestKitSettings TestKitSettings { get; } = new();

    /// <inheritdoc/>
    public override VirtualTimeProvider? Clock { get; }

    /// <summary>Expects log events, dead letters and failures while a block runs.</summary>
    public EventFilterFactory EventFilter { get; }

    /// <summary>Creates a probe: another test actor with its own queue.</summary>
    /// <param name="name">Its name; generated when <see langword="null"/>.</param>
    /// <returns>The probe.</returns>
    public TestProbe CreateTestProbe(string? name = null) => new(this, name);

    /// <summary>Terminates the system and waits for it (bounded).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Terminates the system when <paramref name="disposing"/>.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
        if (!_system.Terminate().Wait(TimeSpan.FromSeconds(10)))
        {
            throw new TestKitException("The actor system did not terminate within 10 seconds after the test.");
        }
    }
}
