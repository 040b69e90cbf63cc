using Actors.Event;
using Actors.TestKit;
using Actors.Tests.Support;

// Not Actors.Tests.TestKit: that namespace would hide the kit's TestKit class from every other test.
namespace Actors.Tests.TestKitTests;

public sealed class EventFilterTests : Actors.TestKit.TestKit
{
    [Fact]
    public void ExpectOne_ExactlyOne_Passes()
    {
        EventFilter.Error(message: "one").ExpectOne(() => Sys.Log.Error("one"));
    }

    [Fact]
    public void ExpectOne_None_Throws()
    {
        var kit = new Actors.TestKit.TestKit(new ActorSystemOptions());
        kit.TestKitSettings.DefaultTimeout = TimeSpan.FromMilliseconds(200);
        try
        {
            Assert.Throws<TestKitException>(() => kit.EventFilter.Error(message: "never").ExpectOne(() => { }));
        }
        finally
        {
            kit.Dispose();
        }
    }

    [Fact]
    public void Expect_WrongCount_Throws()
    {
        var e = Assert.Throws<TestKitException>(() => EventFilter.Warning(contains: "w").Expect(1, () =>
        {
            Sys.Log.Warning("w1");
            Sys.Log.Warning("w2");
        }));
        Assert.Contains("saw 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expect_N_CountsOnlyMatching()
    {
        EventFilter.Info(contains: "match").Expect(3, () =>
        {
            Sys.Log.Info("match 1");
            Sys.Log.Info("other");
            Sys.Log.Info("match 2");
            Sys.Log.Warning("match but a warning");
            Sys.Log.Info("match 3");
        });
    }

    [Fact]
    public void Exception_ByTypeAndSource_MatchesSubtypes()
    {
        EventFilter.Exception<Exception>(source: "custom-source").Expect(2, () =>
        {
            var log = Sys.GetLogger("custom-source", typeof(EventFilterTests));
            log.Error(new TestException(), "a");
            log.Error(new InvalidOperationException(), "b");
            Sys.Log.Error(new TestException(), "other source");
        });
    }

    [Fact]
    public void Mute_MatchingEvents_NotSeenByOtherFilters()
    {
        using (EventFilter.Error(contains: "muted").Mute())
        {
            EventFilter.Error().Expect(1, () =>
            {
                Sys.Log.Error("muted event");
                Sys.Log.Error("visible event");
            });
        }
    }

    [Fact]
    public void MuteAction_RunsBlockAndAwaitsIdle()
    {
        bool ran = false;
        EventFilter.Debug().Mute(() => ran = true);
        Assert.True(ran);
    }

    [Fact]
    public void DeadLetter_Filter_MatchesByMessageType()
    {
        EventFilter.DeadLetter<string>().ExpectOne(() =>
        {
            Sys.DeadLetters.Tell("text", null);
            Sys.DeadLetters.Tell(5, null);
        });
    }

    [Fact]
    public void Filters_ActiveFilterAfterBlock_Removed()
    {
        EventFilter.Error(message: "x").ExpectOne(() => Sys.Log.Error("x"));
        var collector = new EventCollector();
        Sys.EventStream.Subscribe<Error>(collector);
        Sys.Log.Error("x");
        Assert.Single(collector.OfType<Error>());
    }
}

public sealed class ParallelKitTests
{
    /// <summary>
    /// Kits on their own threads, as xunit runs test classes in parallel. (Not on pool threads: the kit's expectations
    /// block their thread, and a dozen blocked pool threads on a 2-core machine starve the actors they wait for.)
    /// </summary>
    [Fact]
    public void ManyKits_RunningAtOnce_AreIndependent()
    {
        const int Kits = 12;
        var names = new string[Kits];
        var errors = new Exception?[Kits];
        var threads = Enumerable.Range(0, Kits).Select(i => new Thread(() =>
        {
            try
            {
                names[i] = RunKit(i);
            }
            catch (Exception e)
            {
                errors[i] = e;
            }
        })).ToArray();
        foreach (Thread t in threads)
        {
            t.Start();
        }

        foreach (Thread t in threads)
        {
            Assert.True(t.Join(TimeSpan.FromSeconds(30)), "a kit did not finish");
        }

        Assert.All(errors, Assert.Null);
        Assert.Equal(Kits, names.Distinct().Count());
    }

    private static string RunKit(int i)
    {
        using var kit = new Actors.TestKit.TestKit();
        var echo = kit.Sys.ActorOf(LifecycleActor.Props(ActorRefs.Nobody), "echo");
        echo.Tell($"hello {i}", kit.TestActor);
        kit.ExpectMsg($"hello {i}");
        kit.Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(i + 1), kit.TestActor, i, null);
        kit.ExpectNoMsg(TimeSpan.FromSeconds(i));
        kit.Advance(TimeSpan.FromSeconds(1));
        kit.ExpectMsg(i);
        Assert.Equal(TimeSpan.FromSeconds(i + 1), kit.Clock!.Elapsed);
        kit.EventFilter.Error(message: $"kit {i}").ExpectOne(() => kit.Sys.Log.Error($"kit {i}"));
        return kit.Sys.Name;
    }

    [Fact]
    public async Task Kit_Dispose_TerminatesSystem()
    {
        var kit = new Actors.TestKit.TestKit();
        var system = kit.Sys;
        kit.Dispose();
        await system.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(5));
        kit.Dispose();   // idempotent
    }

    [Fact]
    public void Kit_RealTime_AdvanceThrows()
    {
        using var kit = new Actors.TestKit.TestKit(new ActorSystemOptions(), virtualTime: false);
        Assert.Null(kit.Clock);
        Assert.Throws<TestKitException>(() => kit.Advance(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Kit_SystemName_IsUsed()
    {
        using var kit = new Actors.TestKit.TestKit(new ActorSystemOptions(), systemName: "named-kit");
        Assert.Equal("named-kit", kit.Sys.Name);
        Assert.StartsWith("actors://named-kit/user/", kit.TestActor.Path.ToString(), StringComparison.Ordinal);
    }
}
