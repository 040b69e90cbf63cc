using Actors.Event;
using Actors.Tests.Support;

namespace Actors.Tests.Event;

public sealed class LoggingTests : TestKit.TestKit
{
    private sealed record Work(int Id);

    private sealed class Chatty : ReceiveActor
    {
        private readonly ILoggingAdapter _log;

        public Chatty()
        {
            _log = Context.GetLogger();
            Receive<Work>(w => _log.Info("Working on {Id} for {Who}", w.Id, "me"));
            Receive<string>(s => s == "warn", _ => _log.Warning("careful"));
            Receive<string>(s => s == "error", _ => _log.Error(new TestException("logged"), "broke {0}", 1));
            Receive<string>(s => s == "debug", _ => _log.Debug("details"));
        }
    }

    private IActorRef Spawn() => Sys.ActorOf(Props.Create(() => new Chatty()), "chatty");

    [Fact]
    public void GetLogger_Info_EventCarriesPathActorTypeAndMessageType()
    {
        Sys.EventStream.Subscribe<Info>(TestActor);
        var actor = Spawn();
        actor.Tell(new Work(7));

        var info = FishForMessage<Info>(i => i.LogSource == actor.Path.ToString());
        Assert.Equal("actors://" + Sys.Name + "/user/chatty", info.LogSource);
        Assert.Equal(typeof(Chatty), info.LogClass);
        Assert.Equal(typeof(Work), info.MessageType);
        Assert.Equal("Working on {Id} for {Who}", info.Template);
        Assert.Equal("Working on 7 for me", info.Message);
        Assert.Equal(LogLevel.InfoLevel, info.Level);
        Assert.Equal(Sys.Scheduler.Now, info.Timestamp);
    }

    [Fact]
    public void GetLogger_Error_CarriesCauseAndMatchesFilter()
    {
        var actor = Spawn();
        EventFilter.Exception<TestException>(message: "logged", source: actor.Path.ToString()).ExpectOne(() => actor.Tell("error"));
        EventFilter.Error(message: "broke 1").ExpectOne(() => actor.Tell("error"));
    }

    [Fact]
    public void GetLogger_Warning_MatchesWarningFilter()
    {
        var actor = Spawn();
        EventFilter.Warning(message: "careful").ExpectOne(() => actor.Tell("warn"));
    }

    [Fact]
    public void GetLogger_DebugBelowLogLevel_NotPublished()
    {
        Sys.EventStream.Subscribe<Debug>(TestActor);
        var actor = Spawn();
        actor.Tell("debug");
        ExpectNoMsg();
    }

    [Fact]
    public void SystemLog_Info_PublishedWithSystemSource()
    {
        Sys.EventStream.Subscribe<Info>(TestActor);
        Sys.Log.Info("hello {0}", "world");
        var info = ExpectMsg<Info>();
        Assert.Equal("hello world", info.Message);
        Assert.Null(info.MessageType);
    }

    [Fact]
    public void LogEvent_ToString_ContainsLevelSourceAndMessage()
    {
        Sys.EventStream.Subscribe<Warning>(TestActor);
        Sys.Log.Warning("disk {Percent}% full", 93);
        string text = ExpectMsg<Warning>().ToString();
        Assert.Contains("[WARNING]", text, StringComparison.Ordinal);
        Assert.Contains("disk 93% full", text, StringComparison.Ordinal);
    }
}

public sealed class DebugLoggingTests : TestKit.TestKit
{
    public DebugLoggingTests()
        : base(new ActorSystemOptions { LogLevel = LogLevel.DebugLevel })
    {
    }

    [Fact]
    public void DebugLevel_ActorLifecycle_PublishesStartedAndStopped()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<Debug>(probe);
        var actor = Sys.ActorOf(LifecycleActor.Props(ActorRefs.Nobody), "dbg");
        probe.FishForMessage<Debug>(d => d.LogSource == actor.Path.ToString() && d.Message == "started");
        Sys.Stop(actor);
        probe.FishForMessage<Debug>(d => d.LogSource == actor.Path.ToString() && d.Message == "stopped");
    }
}
