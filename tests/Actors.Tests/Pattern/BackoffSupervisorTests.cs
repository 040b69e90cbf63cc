using Actors.TestKit;

namespace Actors.Tests.Pattern;

public sealed class BackoffSupervisorTests : TestKit.TestKit
{
    private static readonly TimeSpan s_min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_max = TimeSpan.FromSeconds(10);

    /// <summary>Reports its start and every string it receives to <c>log</c>; "boom" throws, "stop" and "final" stop it.</summary>
    private sealed class Worker : ReceiveActor
    {
        private readonly IActorRef _log;

        public Worker() : this(ActorRefs.Nobody)
        {
        }

        public Worker(IActorRef log)
        {
            _log = log;
            Receive<string>(s => s == "boom", _ => throw new InvalidOperationException("boom"));
            Receive<string>(s => s == "escalate", _ => throw new ArgumentException("escalate"));
            Receive<string>(s => s is "stop" or "final", _ => Context.Stop(Self));
            Receive<string>(s =>
            {
                _log.Tell("got:" + s);
                Sender.Tell("echo:" + s);
            });
        }

        protected override void PreStart() => _log.Tell("started");
    }

    private (IActorRef Supervisor, TestProbe Log, TestProbe Events) Start(Func<Props, BackoffOptions> configure)
    {
        TestProbe log = CreateTestProbe("log");
        TestProbe events = CreateTestProbe("events");
        Sys.EventStream.Subscribe<BackoffSupervisorEvent>(events.Ref);
        IActorRef supervisor = Sys.ActorOf(BackoffSupervisor.Props(configure(Props.Create(() => new Worker(log.Ref)))), "supervisor");
        log.ExpectMsg("started");
        events.ExpectMsg<BackoffChildStarted>(e => e.RestartCount == 0 && e.Supervisor.Equals(supervisor));
        return (supervisor, log, events);
    }

    private void Fail(IActorRef supervisor) =>
        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => supervisor.Tell("boom"));

    [Fact]
    public void OnFailure_ChildFails_RestartsAfterMinBackoff()
    {
        var (supervisor, log, events) = Start(p => Backoff.OnFailure(p, "worker", s_min, s_max, 0.0));

        Fail(supervisor);

        BackoffStarted started = events.ExpectMsg<BackoffStarted>();
        Assert.Equal(1, started.Attempt);
        Assert.Equal(s_min, started.Delay);
        Assert.IsType<InvalidOperationException>(started.Cause);
        Advance(s_min - TimeSpan.FromMilliseconds(1));
        log.ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(1));
        log.ExpectMsg("started");
        events.ExpectMsg<BackoffChildStarted>(e => e.RestartCount == 1);
    }

    [Fact]
    public void OnFailure_RepeatedFailures_DelaysDoubleUpToMax()
    {
        var (supervisor, log, events) = Start(p => Backoff.OnFailure(p, "worker", s_min, s_max, 0.0));
        var delays = new List<TimeSpan>();

        for (int i = 0; i < 6; i++)
        {
            Fail(supervisor);
            BackoffStarted started = events.ExpectMsg<BackoffStarted>();
            Assert.Equal(i + 1, started.Attempt);
            delays.Add(started.Delay);
            Advance(started.Delay);
            log.ExpectMsg("started");
            events.ExpectMsg<BackoffChildStarted>();
        }

        Assert.Equal(new[] { 1, 2, 4, 8, 10, 10 }.Select(s => TimeSpan.FromSeconds(s)), delays);
    }

    [Fact]
    public void OnFailure_ChildStopsOnItsOwn_SupervisorStops()
    {
        var (supervisor, _, events) = Start(p => Backoff.OnFailure(p, "worker", s_min, s_max, 0.0));
        Watch(supervisor);

        supervisor.Tell("stop");

        ExpectTerminated(supervisor);
        events.ExpectMsg<BackoffSupervisorStopped>();
    }

    [Fact]
    public void OnFailure_ConstructorFailure_BacksOffInsteadOfStopping()
    {
        int attempts = 0;
        TestProbe events = CreateTestProbe();
        Sys.EventStream.Subscribe<BackoffSupervisorEvent>(events.Ref);
        var options = Backoff.OnFailure(Props.Create(() => ++attempts == 1 ? throw new InvalidOperationException("refused") : new Worker(TestActor)), "worker", s_min, s_max, 0.0);

        EventFilter.Exception<ActorInitializationException>().ExpectOne(() => Sys.ActorOf(BackoffSupervisor.Props(options)));

        events.ExpectMsg<BackoffChildStarted>();
        events.ExpectMsg<BackoffStarted>(e => e.Cause is ActorInitializationException);
        Advance(s_min);
        ExpectMsg("started");
    }

    [Fact]
    public void OnStop_ChildStops_RestartsAfterBackoff()
    {
        var (supervisor, log, events) = Start(p => Backoff.OnStop(p, "worker", s_min, s_max, 0.0));

        supervisor.Tell("stop");

        BackoffStarted started = events.ExpectMsg<BackoffStarted>();
        Assert.Null(started.Cause);
        Assert.Equal(s_min, started.Delay);
        log.ExpectNoMsg();
        Advance(s_min);
        log.ExpectMsg("started");
    }

    [Fact]
    public void OnStop_ChildFails_DefaultStrategyRestartsAtOnce()
    {
        var (supervisor, log, events) = Start(p => Backoff.OnStop(p, "worker", s_min, s_max, 0.0));

        Fail(supervisor);

        log.ExpectMsg("started");
        events.ExpectNoMsg();
        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance, TestActor);
        ExpectMsg(new BackoffSupervisor.RestartCount(0));
    }

    [Fact]
    public void OnStop_WithDefaultStoppingStrategy_FailureBacksOff()
    {
        var (supervisor, log, events) = Start(p => Backoff.OnStop(p, "worker", s_min, s_max, 0.0).WithDefaultStoppingStrategy());

        Fail(supervisor);

        events.ExpectMsg<BackoffStarted>(e => e.Attempt == 1);
        log.ExpectNoMsg();
        Advance(s_min);
        log.ExpectMsg("started");
    }

    [Fact]
    public void OnFailureOrStop_FailureAndStop_BothBackOff()
    {
        var (supervisor, log, events) = Start(p => Backoff.OnFailureOrStop(p, "worker", s_min, s_max, 0.0));

        Fail(supervisor);
        events.ExpectMsg<BackoffStarted>(e => e.Attempt == 1 && e.Cause is InvalidOperationException);
        Advance(s_min);
        log.ExpectMsg("started");
        events.ExpectMsg<BackoffChildStarted>();

        supervisor.Tell("stop");
        events.ExpectMsg<BackoffStarted>(e => e.Attempt == 2 && e.Cause is null && e.Delay == TimeSpan.FromSeconds(2));
        Advance(TimeSpan.FromSeconds(2));
        log.ExpectMsg("started");
    }

    [Fact]
    public void MaxNrOfRetries_Exhausted_GivesUpAndStops()
    {
        var (supervisor, log, events) = Start(p => Backoff.OnFailure(p, "worker", s_min, s_max, 0.0, maxNrOfRetries: 2));
        Watch(supervisor);

        for (int i = 0; i < 2; i++)
        {
            Fail(supervisor);
            BackoffStarted started = events.ExpectMsg<BackoffStarted>();
            Advance(started.Delay);
            log.ExpectMsg("started");
            events.ExpectMsg<BackoffChildStarted>();
        }

        Fail(supervisor);

        events.ExpectMsg<BackoffGaveUp>(e => e.Retries == 2 && e.Cause is InvalidOperationException);
        ExpectTerminated(supervisor);
        events.ExpectMsg<BackoffSupervisorStopped>();
    }

    [Fact]
    public void MaxNrOfRetriesZero_FirstStop_GivesUp()
    {
        var (supervisor, _, events) = Start(p => Backoff.OnStop(p, "worker", s_min, s_max, 0.0, maxNrOfRetries: 0));
        Watch(supervisor);

        supervisor.Tell("stop");

        events.ExpectMsg<BackoffGaveUp>(e => e.Retries == 0);
        ExpectTerminated(supervisor);
    }

    [Fact]
    public void AutoReset_Default_ResetsAfterMinBackoffOfStableRunning()
    {
        var (supervisor, log, events) = Start(p => Backoff.OnFailure(p, "worker", s_min, s_max, 0.0));
        Fail(supervisor);
        events.ExpectMsg<BackoffStarted>();
        Advance(s_min);
        log.ExpectMsg("started");
        events.ExpectMsg<BackoffChildStarted>(e => e.RestartCount == 1);

        Advance(s_min);

        events.ExpectMsg(new BackoffCounterReset(supervisor, Manual: false));
        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance, TestActor);
        ExpectMsg(new BackoffSupervisor.RestartCount(0));
        Fail(supervisor);
        events.ExpectMsg<BackoffStarted>(e => e.Attempt == 1 && e.Delay == s_min);
    }

    [Fact]
    public void WithAutoReset_FailureBeforeStablePeriod_KeepsCounting()
    {
        var (supervisor, log, events) = Start(p => Backoff.OnFailure(p, "worker", s_min, s_max, 0.0).WithAutoReset(TimeSpan.FromSeconds(5)));
        Fail(supervisor);
        events.ExpectMsg<BackoffStarted>();
        Advance(s_min);
        log.ExpectMsg("started");
        events.ExpectMsg<BackoffChildStarted>();

        Advance(TimeSpan.FromSeconds(4));
        events.ExpectNoMsg();
        Fail(supervisor);

        events.ExpectMsg<BackoffStarted>(e => e.Attempt == 2 && e.Delay == TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void WithManualReset_NoAutoReset_ResetMessageResets()
    {
        var (supervisor, log, events) = Start(p => Backoff.OnFailure(p, "worker", s_min, s_max, 0.0).WithManualReset());
        Fail(supervisor);
        events.ExpectMsg<BackoffStarted>();
        Advance(s_min);
        log.ExpectMsg("started");
        events.ExpectMsg<BackoffChildStarted>();

        Advance(TimeSpan.FromMinutes(10));
        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance, TestActor);
        ExpectMsg(new BackoffSupervisor.RestartCount(1));

        supervisor.Tell(BackoffSupervisor.Reset.Instance);
        events.ExpectMsg(new BackoffCounterReset(supervisor, Manual: true));
        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance, TestActor);
        ExpectMsg(new BackoffSupervisor.RestartCount(0));
        Fail(supervisor);
        events.ExpectMsg<BackoffStarted>(e => e.Attempt == 1 && e.Delay == s_min);
    }

    [Fact]
    public void GetCurrentChild_UpAndDown_ReportsChildOrNull()
    {
        var (supervisor, log, events) = Start(p => Backoff.OnStop(p, "worker", s_min, s_max, 0.0));

        supervisor.Tell(BackoffSupervisor.GetCurrentChild.Instance, TestActor);
        IActorRef? child = ExpectMsg<BackoffSupervisor.CurrentChild>().Ref;
        Assert.NotNull(child);
        Assert.Equal("worker", child.Path.Name);

        supervisor.Tell("stop");
        events.ExpectMsg<BackoffStarted>();
        supervisor.Tell(BackoffSupervisor.GetCurrentChild.Instance, TestActor);
        ExpectMsg(new BackoffSupervisor.CurrentChild(null));

        Advance(s_min);
        log.ExpectMsg("started");
        supervisor.Tell(BackoffSupervisor.GetCurrentChild.Instance, TestActor);
        Assert.NotNull(ExpectMsg<BackoffSupervisor.CurrentChild>().Ref);
    }

    [Fact]
    public void ReplyWhileStopped_ChildDown_RepliesInsteadOfBuffering()
    {
        var (supervisor, log, events) = Start(p => Backoff.OnStop(p, "worker", s_min, s_max, 0.0).WithReplyWhileStopped("down"));
        supervisor.Tell("stop");
        events.ExpectMsg<BackoffStarted>();

        supervisor.Tell("hello", TestActor);

        ExpectMsg("down");
        Advance(s_min);
        log.ExpectMsg("started");
        log.ExpectNoMsg();
    }

    [Fact]
    public void FinalStopMessage_ChildStopsAfterIt_SupervisorStops()
    {
        var (supervisor, _, events) = Start(p => Backoff.OnStop(p, "worker", s_min, s_max, 0.0).WithFinalStopMessage(m => m is "final"));
        Watch(supervisor);

        supervisor.Tell("final");

        ExpectTerminated(supervisor);
        events.ExpectMsg<BackoffSupervisorStopped>();
    }

    [Fact]
    public void FinalStopMessage_WhileChildDown_StopsAtOnce()
    {
        var (supervisor, _, events) = Start(p => Backoff.OnStop(p, "worker", s_min, s_max, 0.0).WithFinalStopMessage(m => m is "final"));
        Watch(supervisor);
        supervisor.Tell("stop");
        events.ExpectMsg<BackoffStarted>();

        supervisor.Tell("final");

        ExpectTerminated(supervisor);
    }

    [Fact]
    public void Buffer_WhileChildDown_DeliversInOrderWithSendersAndAnswersOverflow()
    {
        var (supervisor, log, events) = Start(p => Backoff.OnStop(p, "worker", s_min, s_max, 0.0).WithBuffer(3));
        TestProbe first = CreateTestProbe();
        TestProbe second = CreateTestProbe();
        supervisor.Tell("stop");
        events.ExpectMsg<BackoffStarted>();

        supervisor.Tell("a", first.Ref);
        supervisor.Tell("b", second.Ref);
        supervisor.Tell("c", first.Ref);
        supervisor.Tell("d", second.Ref);

        second.ExpectMsg(new BackoffSupervisor.BufferOverflow("d"));
        log.ExpectNoMsg();
        Advance(s_min);
        log.ExpectMsg("started");
        log.ExpectMsg("got:a");
        log.ExpectMsg("got:b");
        log.ExpectMsg("got:c");
        first.ExpectMsg("echo:a");
        first.ExpectMsg("echo:c");
        second.ExpectMsg("echo:b");
        second.ExpectNoMsg();
    }

    [Fact]
    public void Buffer_SupervisorGivesUp_BufferedMessagesGoToDeadLetters()
    {
        var (supervisor, _, events) = Start(p => Backoff.OnStop(p, "worker", s_min, s_max, 0.0).WithFinalStopMessage(m => m is "final"));
        supervisor.Tell("stop");
        events.ExpectMsg<BackoffStarted>();
        supervisor.Tell("kept", TestActor);

        EventFilter.DeadLetter<string>().ExpectOne(() => supervisor.Tell("final"));
    }

    [Fact]
    public void WithBufferZero_ChildDown_MessagesGoToDeadLetters()
    {
        var (supervisor, _, events) = Start(p => Backoff.OnStop(p, "worker", s_min, s_max, 0.0).WithBuffer(0));
        supervisor.Tell("stop");
        events.ExpectMsg<BackoffStarted>();

        EventFilter.DeadLetter<string>().ExpectOne(() => supervisor.Tell("lost", TestActor));
    }

    [Fact]
    public void Jitter_InjectedRandom_DelayMatchesFormula()
    {
        var (supervisor, _, events) = Start(p => Backoff.OnStop(p, "worker", s_min, s_max, 0.5).WithRandom(new Random(42)));

        supervisor.Tell("stop");

        TimeSpan expected = BackoffSupervisor.CalculateDelay(0, s_min, s_max, 0.5, new Random(42));
        events.ExpectMsg<BackoffStarted>(e => e.Delay == expected);
        Assert.InRange(expected, s_min, s_min * 1.5);
    }

    [Fact]
    public void Escalation_SupervisorRestarts_FreshInstanceStillBacksOff()
    {
        var strategy = new OneForOneStrategy(e => e is ArgumentException ? Directive.Escalate : Directive.Restart);
        var (supervisor, log, events) = Start(p => Backoff.OnFailure(p, "worker", s_min, s_max, 0.0).WithSupervisorStrategy(strategy));

        EventFilter.Exception<ArgumentException>().ExpectOne(() => supervisor.Tell("escalate"));
        log.ExpectMsg("started");
        events.ExpectMsg<BackoffChildStarted>(e => e.RestartCount == 0);
        Fail(supervisor);

        events.ExpectMsg<BackoffStarted>(e => e.Attempt == 1 && e.Cause is InvalidOperationException);
        Advance(s_min);
        log.ExpectMsg("started");
    }

    [Fact]
    public void Props_InvalidOptions_Throw()
    {
        Props props = Props.Create(() => new Worker());
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.OnFailure(props, "w", TimeSpan.Zero, s_max, 0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.OnFailure(props, "w", s_max, s_min, 0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.OnFailure(props, "w", s_min, s_max, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.OnFailure(props, "w", s_min, s_max, 0.0, -2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.OnStop(props, "w", s_min, s_max, 0.0).WithBuffer(-1));
    }
}
