using Actors.Resilience.Errors;
using Actors.Resilience.Operations;

namespace Actors.Resilience.Tests.Errors;

public sealed class ErrorJournalTests : TestKit.TestKit
{
    private readonly ResilienceRuntime _runtime;

    public ErrorJournalTests()
    {
        var options = new ResilienceOptions();
        options.Errors.Capacity = 3;
        options.Health.Probe = new FakeResourceProbe();
        options.Memory.Probe = new FakeMemoryProbe();
        _runtime = ResilienceRuntime.Start(Sys, options);
        AwaitIdle();
    }

    private void Fail(string path, Exception cause, Directive directive = Directive.Restart) =>
        Sys.EventStream.Publish(new ActorFailed(new PathRef(path), new PathRef("/user/parent"), cause, directive, typeof(string)));

    [Fact]
    public async Task Record_MoreFailuresThanCapacity_KeepsNewestWithinBound()
    {
        for (int i = 1; i <= 5; i++)
        {
            Fail("/user/units/session/abc/worker", new InvalidOperationException($"failure {i}"));
        }

        AwaitIdle();
        var recent = await _runtime.Errors.Ask<RecentErrors>(new GetRecentErrors(10));
        Assert.Equal([3L, 4L, 5L], recent.Entries.Select(e => e.Sequence));
        Assert.Equal("failure 5", recent.Entries[^1].Message);
        Assert.Equal("session", recent.Entries[^1].UnitKind);
        Assert.Equal("abc", recent.Entries[^1].UnitId);
        Assert.Equal(typeof(string).FullName, recent.Entries[^1].MessageType);
        Assert.Equal(Directive.Restart, recent.Entries[^1].Directive);
        Assert.Equal("/user/units/session/abc/worker", recent.Entries[^1].ActorPath);

        var stats = await _runtime.Errors.Ask<ErrorStats>(GetErrorStats.Instance);
        Assert.Equal(5, stats.Total);
        Assert.Equal(3, stats.Retained);
        Assert.Equal(3, stats.Capacity);
    }

    [Fact]
    public async Task Stats_FailuresOfSeveralTypes_CountsByTypeAndRateDecaysAfterAMinute()
    {
        Fail("/user/a", new InvalidOperationException("x"));
        Fail("/user/b", new InvalidOperationException("y"), Directive.Stop);
        Fail("/user/c", new TimeoutException("z"));
        AwaitIdle();

        var stats = await new ErrorOperations(_runtime).Stats();
        Assert.Equal(2, stats.ByExceptionType[typeof(InvalidOperationException).FullName!]);
        Assert.Equal(1, stats.ByExceptionType[typeof(TimeoutException).FullName!]);
        Assert.Equal(2, stats.ByDirective["Restart"]);
        Assert.Equal(1, stats.ByDirective["Stop"]);
        Assert.Equal(3, stats.PerMinute);

        Advance(TimeSpan.FromSeconds(30));
        Fail("/user/d", new TimeoutException("later"));
        AwaitIdle();
        Assert.Equal(4, (await new ErrorOperations(_runtime).Stats()).PerMinute);

        Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, (await new ErrorOperations(_runtime).Stats()).PerMinute);
        Advance(TimeSpan.FromSeconds(30));
        var later = await new ErrorOperations(_runtime).Stats();
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
            Fail("/user/units/feed/BTC/worker", e);
        }

        AwaitIdle();
        var ops = new ErrorOperations(_runtime);
        var operatorView = await ops.TailForOperator(1);
        Assert.Contains(nameof(Tail_PublicForm_NeverCarriesStackTraces_OperatorFormDoes), operatorView[0].StackTrace);

        var publicView = await ops.Tail(1);
        Assert.Equal("thrown for a stack trace", publicView[0].Message);
        Assert.Null(typeof(PublicError).GetProperty("StackTrace"));
        string json = System.Text.Json.JsonSerializer.Serialize(publicView);
        Assert.DoesNotContain(nameof(Tail_PublicForm_NeverCarriesStackTraces_OperatorFormDoes), json, StringComparison.Ordinal);

        var plain = await _runtime.Errors.Ask<RecentErrors>(new GetRecentErrors(1));
        Assert.Null(plain.Entries[0].StackTrace);
    }

    [Fact]
    public async Task Record_RealFailure_ComesFromTheSupervisorsDecision()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent()), "parent");
        parent.Tell("boom");
        AwaitIdle();
        var recent = await _runtime.Errors.Ask<RecentErrors>(new GetRecentErrors(1));
        var entry = Assert.Single(recent.Entries);
        Assert.Equal("/user/parent/child", entry.ActorPath);
        Assert.Equal(typeof(InvalidOperationException).FullName, entry.ExceptionType);
        Assert.Equal(typeof(string).FullName, entry.MessageType);
        Assert.Null(entry.UnitKind);
    }

    private sealed class Parent : ReceiveActor
    {
        public Parent()
        {
            var child = Context.ActorOf(Props.Create(() => new Child()), "child");
            ReceiveAny(m => child.Forward(m));
        }
    }

    private sealed class Child : ReceiveActor
    {
        public Child() => Receive<string>(_ => throw new InvalidOperationException("boom"));
    }
}
