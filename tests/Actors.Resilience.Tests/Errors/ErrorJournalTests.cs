using Actors.Resilience.Errors;
using Actors.Resilience.Operations;
using Actors.Resilience.Supervision;
using Actors.Resilience.Tests.Support;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Resilience.Tests.Errors;

public sealed class ErrorJournalTests(ITestOutputHelper output) : ResilienceTestKit(output), IAsyncLifetime
{
    private ResilienceRuntime _runtime = null!;
    private TestProbe _failures = null!;

    public async Task InitializeAsync()
    {
        ResilienceOptions options = FakeOptions();
        options.Errors.Capacity = 3;
        _runtime = await StartAsync(options);
        _failures = Subscribe<ActorFailed>();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Publishes a scripted failure and waits until the journal has it (the probe, subscribed after the journal, hears it after the journal was handed it; the stats question queues behind it).</summary>
    private async Task FailAsync(string path, Exception cause, Directive directive = Directive.Restart)
    {
        Sys.EventStream.Publish(new ActorFailed(new PathRef(path), new PathRef("/user/parent"), cause, directive));
        await _failures.ExpectMsgAsync<ActorFailed>(Signal);
    }

    private Task<ErrorStats> StatsAsync() => _runtime.Errors.Ask<ErrorStats>(GetErrorStats.Instance, Signal);

    [Fact]
    public async Task Record_MoreFailuresThanCapacity_KeepsNewestWithinBound()
    {
        for (int i = 1; i <= 5; i++)
        {
            await FailAsync("/user/units/session/abc/worker", new InvalidOperationException($"failure {i}"));
        }

        var recent = await _runtime.Errors.Ask<RecentErrors>(new GetRecentErrors(10), Signal);
        Assert.Equal([3L, 4L, 5L], recent.Entries.Select(e => e.Sequence));
        ErrorEntry last = recent.Entries[^1];
        Assert.Equal("failure 5", last.Message);
        Assert.Equal("session", last.UnitKind);
        Assert.Equal("abc", last.UnitId);
        Assert.Equal(Directive.Restart, last.Directive);
        Assert.Equal("/user/units/session/abc/worker", last.ActorPath);
        Assert.Equal(Scheduler.Now, last.Time);

        var stats = await StatsAsync();
        Assert.Equal(5, stats.Total);
        Assert.Equal(3, stats.Retained);
        Assert.Equal(3, stats.Capacity);
    }

    [Fact]
    public async Task Recent_CountOutOfRange_IsClampedToWhatIsRetained()
    {
        Assert.Empty((await _runtime.Errors.Ask<RecentErrors>(new GetRecentErrors(5), Signal)).Entries);
        await FailAsync("/user/a", new InvalidOperationException("x"));
        Assert.Empty((await _runtime.Errors.Ask<RecentErrors>(new GetRecentErrors(-1), Signal)).Entries);
        Assert.Single((await _runtime.Errors.Ask<RecentErrors>(new GetRecentErrors(int.MaxValue), Signal)).Entries);
    }

    [Fact]
    public async Task Stats_FailuresOfSeveralTypes_CountsByTypeAndRateDecaysAfterAMinute()
    {
        await FailAsync("/user/a", new InvalidOperationException("x"));
        await FailAsync("/user/b", new InvalidOperationException("y"), Directive.Stop);
        await FailAsync("/user/c", new TimeoutException("z"));

        var ops = new ErrorOperations(_runtime);
        var stats = await ops.Stats();
        Assert.Equal(2, stats.ByExceptionType[typeof(InvalidOperationException).FullName!]);
        Assert.Equal(1, stats.ByExceptionType[typeof(TimeoutException).FullName!]);
        Assert.Equal(2, stats.ByDirective["Restart"]);
        Assert.Equal(1, stats.ByDirective["Stop"]);
        Assert.Equal(3, stats.PerMinute);

        Advance(TimeSpan.FromSeconds(30));
        await FailAsync("/user/d", new TimeoutException("later"));
        Assert.Equal(4, (await ops.Stats()).PerMinute);

        Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, (await ops.Stats()).PerMinute);
        Advance(TimeSpan.FromSeconds(30));
        var later = await ops.Stats();
        Assert.Equal(0, later.PerMinute);
        Assert.Equal(4, later.Total);
    }

    [Fact]
    public async Task Tail_PublicForm_NeverCarriesStackTraces_OperatorFormDoes()
    {
        try
        {
            throw new InvalidOperationException("thrown for a stack trace");
        }
        catch (InvalidOperationException e)
        {
            await FailAsync("/user/units/feed/BTC/worker", e);
        }

        var ops = new ErrorOperations(_runtime);
        var operatorView = await ops.TailForOperator(1);
        Assert.Contains(nameof(Tail_PublicForm_NeverCarriesStackTraces_OperatorFormDoes), operatorView[0].StackTrace, StringComparison.Ordinal);

        var publicView = await ops.Tail(1);
        Assert.Equal("thrown for a stack trace", publicView[0].Message);
        Assert.Equal(("feed", "BTC", "Restart"), (publicView[0].UnitKind, publicView[0].UnitId, publicView[0].Directive));
        Assert.Null(typeof(PublicError).GetProperty("StackTrace"));
        string json = System.Text.Json.JsonSerializer.Serialize(publicView);
        Assert.DoesNotContain(nameof(Tail_PublicForm_NeverCarriesStackTraces_OperatorFormDoes), json, StringComparison.Ordinal);

        var plain = await _runtime.Errors.Ask<RecentErrors>(new GetRecentErrors(1), Signal);
        Assert.Null(plain.Entries[0].StackTrace);
    }

    [Fact]
    public async Task Record_StackTrace_IsRenderedWhenAnOperatorFirstReadsIt_Once()
    {
        var cause = new CountingException();
        await FailAsync("/user/units/feed/ETH/worker", cause);
        await FailAsync("/user/units/feed/ETH/worker", new InvalidOperationException("a later failure"));

        // Recording, the public form and the entries without stack traces render nothing.
        var ops = new ErrorOperations(_runtime);
        Assert.Equal(2, (await ops.Tail(2)).Count);
        Assert.All((await _runtime.Errors.Ask<RecentErrors>(new GetRecentErrors(2), Signal)).Entries, e => Assert.Null(e.StackTrace));
        Assert.Equal(0, cause.Rendered);

        var operatorView = await ops.TailForOperator(2);
        Assert.Equal("rendered 1", operatorView[0].StackTrace);
        Assert.Equal("rendered 1", (await ops.TailForOperator(2))[0].StackTrace);
        Assert.Equal(1, cause.Rendered);
        Assert.Null(operatorView[0].WithoutStackTrace().StackTrace);
    }

    [Fact]
    public void Entry_RenderedLater_EqualsTheSameEntryRenderedAtOnce()
    {
        var cause = new InvalidOperationException("x");
        ErrorEntry deferred = ErrorEntry.Deferred(1, DateTimeOffset.UnixEpoch, "/user/a", null, null, "T", "x", Directive.Restart, cause);
        var eager = new ErrorEntry(1, DateTimeOffset.UnixEpoch, "/user/a", null, null, "T", "x", Directive.Restart, cause.ToString());
        Assert.Equal(eager, deferred);
        Assert.Equal(eager.GetHashCode(), deferred.GetHashCode());
        Assert.NotEqual(eager, deferred with { StackTrace = null });
    }

    /// <summary>An exception that counts how often its text was rendered.</summary>
    private sealed class CountingException() : Exception("counted")
    {
        public int Rendered { get; private set; }

        public override string ToString() => $"rendered {++Rendered}";
    }

    [Fact]
    public async Task Record_InitializationFailure_ReportsWhatTheUserCodeThrew()
    {
        var cause = new ActorInitializationException(new PathRef("/user/x"), "init failed", new IOException("disk gone"));
        await FailAsync("/user/x", cause, Directive.Stop);
        ErrorEntry entry = Assert.Single((await _runtime.Errors.Ask<RecentErrors>(new GetRecentErrors(1), Signal)).Entries);
        Assert.Equal((typeof(IOException).FullName, "disk gone", Directive.Stop), (entry.ExceptionType, entry.Message, entry.Directive));
    }

    [Fact]
    public async Task Record_RealFailure_ComesFromTheSupervisorsDecision()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent()), "parent");
        parent.Tell("boom");
        ActorFailed failed = await _failures.ExpectMsgAsync<ActorFailed>(Signal);
        Assert.Equal(parent, failed.Supervisor);
        Assert.Equal(Directive.Restart, failed.Directive);
        Assert.Equal("pong", await parent.Ask<string>("ping", Signal)); // the turn that published the failure has ended

        var recent = await _runtime.Errors.Ask<RecentErrors>(new GetRecentErrors(1), Signal);
        var entry = Assert.Single(recent.Entries);
        Assert.Equal("/user/parent/child", entry.ActorPath);
        Assert.Equal(typeof(InvalidOperationException).FullName, entry.ExceptionType);
        Assert.Equal(Directive.Restart, entry.Directive);
        Assert.Null(entry.UnitKind);
    }

    private sealed class Parent : ReceiveActor
    {
        public Parent()
        {
            var child = Context.ActorOf(Props.Create(() => new Child()), "child");
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
            ReceiveAny(m => child.Forward(m));
        }

        protected override SupervisorStrategy SupervisorStrategy() => new PublishingOneForOneStrategy(_ => Directive.Restart, loggingEnabled: false);
    }

    private sealed class Child : ReceiveActor
    {
        public Child() => Receive<string>(_ => throw new InvalidOperationException("boom"));
    }
}
