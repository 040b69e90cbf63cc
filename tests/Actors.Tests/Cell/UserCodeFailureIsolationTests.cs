using System.Collections.Concurrent;
using Actors.Tests.Support;

namespace Actors.Tests.Cell;

/// <summary>
/// No exception thrown by user code may end the process: each one is caught, logged and supervised, the system keeps
/// answering, and nothing reaches <see cref="AppDomain.UnhandledException"/> or <see cref="TaskScheduler.UnobservedTaskException"/>.
/// </summary>
public sealed class UserCodeFailureIsolationTests : TestKit.TestKit
{
    /// <summary>Only thrown by this class's actors, so the global handlers can tell our exceptions from others'.</summary>
    private sealed class IsolationProbeException(string where) : Exception("isolation probe: " + where);

    private static readonly ConcurrentQueue<Exception> s_escaped = new();

    static UserCodeFailureIsolationTests()
    {
        AppDomain.CurrentDomain.UnhandledException += (_, e) => Record(e.ExceptionObject as Exception);
        TaskScheduler.UnobservedTaskException += (_, e) => Record(e.Exception);
    }

    private static void Record(Exception? e)
    {
        if (Flatten(e).Any(x => x is IsolationProbeException))
        {
            s_escaped.Enqueue(e!);
        }
    }

    private static IEnumerable<Exception> Flatten(Exception? e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException agg)
            {
                foreach (Exception inner in agg.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }

    private sealed class Thrower : ReceiveActor
    {
        public Thrower(string where)
        {
            if (where == "ctor")
            {
                throw new IsolationProbeException(where);
            }

            Receive<string>(s => s == "receive", s => throw new IsolationProbeException(s));
            ReceiveAsync<string>(s => s == "async", async s =>
            {
                await Task.Yield();
                throw new IsolationProbeException(s);
            });
            Receive<string>(s => s == "fail-for-restart", _ => throw new InvalidOperationException("trigger a restart"));
            Receive<Fail>(f => throw f.Cause);
            Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(c.Props, c.Name)));
            Receive<string>(s => Sender.Tell(s));
            Where = where;
        }

        private string Where { get; }

        protected override void PreStart()
        {
            if (Where == "prestart")
            {
                throw new IsolationProbeException(Where);
            }
        }

        protected override void PostStop()
        {
            if (Where == "poststop")
            {
                throw new IsolationProbeException(Where);
            }
        }

        protected override void PreRestart(Exception reason, object? message)
        {
            if (Where == "prerestart")
            {
                throw new IsolationProbeException(Where);
            }

            base.PreRestart(reason, message);
        }

        protected override void PostRestart(Exception reason)
        {
            if (Where == "postrestart")
            {
                throw new IsolationProbeException(Where);
            }

            base.PostRestart(reason);
        }

        protected override SupervisorStrategy SupervisorStrategy()
        {
            if (Where == "strategy")
            {
                throw new IsolationProbeException(Where);
            }

            if (Where == "decider")
            {
                return new OneForOneStrategy(_ => throw new IsolationProbeException("decider"));
            }

            return base.SupervisorStrategy();
        }
    }

    private static Props ThrowerProps(string where) => Props.Create(() => new Thrower(where));

    /// <summary>The system still creates actors and answers, and no exception escaped to the runtime.</summary>
    private async Task AssertSystemHealthyAsync()
    {
        var echo = Sys.ActorOf(LifecycleActor.Props(ActorRefs.Nobody));
        Assert.Equal("still here", await echo.Ask<string>("still here", TimeSpan.FromSeconds(5)));
        AwaitIdle();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.Empty(s_escaped);
        Assert.False(Sys.WhenTerminated.IsCompleted);
    }

    [Fact]
    public async Task Receive_Throws_SystemStillAnswers()
    {
        var actor = Sys.ActorOf(ThrowerProps("none"));
        EventFilter.Exception<IsolationProbeException>().ExpectOne(() => actor.Tell("receive"));
        Assert.Equal("after", await actor.Ask<string>("after", TimeSpan.FromSeconds(5)));
        await AssertSystemHealthyAsync();
    }

    [Fact]
    public async Task Constructor_Throws_SystemStillAnswers()
    {
        EventFilter.Exception<ActorInitializationException>().ExpectOne(() => Sys.ActorOf(ThrowerProps("ctor")));
        await AssertSystemHealthyAsync();
    }

    [Fact]
    public async Task PreStart_Throws_SystemStillAnswers()
    {
        EventFilter.Exception<ActorInitializationException>().ExpectOne(() => Sys.ActorOf(ThrowerProps("prestart")));
        await AssertSystemHealthyAsync();
    }

    [Fact]
    public async Task PostStop_Throws_ActorStillStopsAndSystemAnswers()
    {
        var actor = Sys.ActorOf(ThrowerProps("poststop"));
        Watch(actor);
        EventFilter.Exception<IsolationProbeException>().ExpectOne(() => Sys.Stop(actor));
        ExpectTerminated(actor);
        await AssertSystemHealthyAsync();
    }

    [Fact]
    public async Task PreRestart_Throws_RestartContinuesAndSystemAnswers()
    {
        var actor = Sys.ActorOf(ThrowerProps("prerestart"));
        EventFilter.Exception<IsolationProbeException>().ExpectOne(() =>
            EventFilter.Exception<InvalidOperationException>().ExpectOne(() => actor.Tell("fail-for-restart")));
        Assert.Equal("after", await actor.Ask<string>("after", TimeSpan.FromSeconds(5)));
        await AssertSystemHealthyAsync();
    }

    [Fact]
    public async Task PostRestart_Throws_ActorStoppedAndSystemAnswers()
    {
        var actor = Sys.ActorOf(ThrowerProps("postrestart"));
        Watch(actor);
        EventFilter.Exception<PostRestartException>().ExpectOne(() =>
            EventFilter.Exception<InvalidOperationException>().ExpectOne(() => actor.Tell("fail-for-restart")));
        ExpectTerminated(actor);
        await AssertSystemHealthyAsync();
    }

    [Fact]
    public async Task SupervisorStrategyOverride_Throws_DefaultStrategyUsedAndSystemAnswers()
    {
        var parent = Sys.ActorOf(ThrowerProps("strategy"));
        parent.Tell(new CreateChild(LifecycleActor.Props(TestActor), "child"), TestActor);
        var child = ExpectMsg<IActorRef>();
        ExpectMsg(new Started("child"));

        EventFilter.Exception<IsolationProbeException>().ExpectOne(() =>
            EventFilter.Exception<TestException>().ExpectOne(() => child.Tell(new Fail(new TestException()))));

        // The default strategy restarted the child.
        ExpectMsg<PreRestarted>();
        ExpectMsg(new Stopped("child"));
        ExpectMsg<PostRestarted>();
        ExpectMsg(new Started("child"));
        await AssertSystemHealthyAsync();
    }

    [Fact]
    public async Task Decider_Throws_FailureEscalatesAndSystemAnswers()
    {
        var parent = Sys.ActorOf(ThrowerProps("decider"), "parent");
        parent.Tell(new CreateChild(LifecycleActor.Props(TestActor), "child"), TestActor);
        var child = ExpectMsg<IActorRef>();
        ExpectMsg(new Started("child"));

        EventFilter.Exception<IsolationProbeException>().ExpectOne(() =>
            EventFilter.Exception<TestException>().ExpectOne(() => child.Tell(new Fail(new TestException()))));

        // Escalated to /user, which restarted the parent; the parent's default PreRestart stopped the child.
        ExpectMsg(new Stopped("child"));
        Assert.Equal("after", await parent.Ask<string>("after", TimeSpan.FromSeconds(5)));
        await AssertSystemHealthyAsync();
    }

    [Fact]
    public async Task ScheduledAction_Throws_LoggedAndSystemAnswers()
    {
        bool ranLater = false;
        Sys.Scheduler.ScheduleOnce(TimeSpan.FromSeconds(1), () => throw new IsolationProbeException("scheduled"));
        Sys.Scheduler.ScheduleOnce(TimeSpan.FromSeconds(2), () => ranLater = true);

        EventFilter.Exception<IsolationProbeException>().ExpectOne(() => Advance(TimeSpan.FromSeconds(2)));

        Assert.True(ranLater);
        await AssertSystemHealthyAsync();
    }

    [Fact]
    public async Task ScheduledRepeatingAction_Throws_KeepsRepeating()
    {
        int runs = 0;
        Sys.Scheduler.ScheduleRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), () =>
        {
            runs++;
            throw new IsolationProbeException("repeating");
        });

        EventFilter.Exception<IsolationProbeException>().Expect(3, () => Advance(TimeSpan.FromSeconds(3)));

        Assert.Equal(3, runs);
        await AssertSystemHealthyAsync();
    }

    [Fact]
    public async Task ReceiveAsyncTask_Faults_SystemStillAnswers()
    {
        var actor = Sys.ActorOf(ThrowerProps("none"));
        EventFilter.Exception<IsolationProbeException>().ExpectOne(() => actor.Tell("async"));
        Assert.Equal("after", await actor.Ask<string>("after", TimeSpan.FromSeconds(5)));
        await AssertSystemHealthyAsync();
    }
}
