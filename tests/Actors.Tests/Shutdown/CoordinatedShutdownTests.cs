using System.Collections.Concurrent;

namespace Actors.Tests.Shutdown;

public sealed class CoordinatedShutdownTests : TestKit.TestKit
{
    private readonly ConcurrentQueue<string> _order = new();

    private Func<Task<Done>> Record(string name) => () =>
    {
        _order.Enqueue(name);
        return Task.FromResult(Done.Instance);
    };

    [Fact]
    public void Phases_AreAkkaPhasesInDocumentedOrder()
    {
        Assert.Equal(
            [
                "before-service-unbind", "service-unbind", "service-requests-done", "service-stop",
                "before-cluster-shutdown", "cluster-sharding-shutdown-region", "cluster-leave", "cluster-exiting",
                "cluster-exiting-done", "cluster-shutdown", "before-actor-system-terminate", "actor-system-terminate",
            ],
            CoordinatedShutdown.Phases);
    }

    [Fact]
    public async Task Run_TasksInSeveralPhases_RunInPhaseOrderThenSystemTerminates()
    {
        var cs = CoordinatedShutdown.Get(Sys);
        // Registered out of order on purpose.
        cs.AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "last", Record("before-actor-system-terminate"));
        cs.AddTask(CoordinatedShutdown.PhaseServiceStop, "stop", Record("service-stop"));
        cs.AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "first", Record("before-service-unbind"));
        cs.AddTask(CoordinatedShutdown.PhaseClusterLeave, "leave", Record("cluster-leave"));
        cs.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "unbind", Record("service-unbind"));

        await cs.Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["before-service-unbind", "service-unbind", "service-stop", "cluster-leave", "before-actor-system-terminate"], _order);
        Assert.True(Sys.WhenTerminated.IsCompleted);
        Assert.Same(CoordinatedShutdown.UnknownReason.Instance, cs.ShutdownReason);
    }

    [Fact]
    public async Task Run_NextPhase_StartsOnlyAfterPreviousPhaseTasksComplete()
    {
        var cs = CoordinatedShutdown.Get(Sys);
        var slow = new TaskCompletionSource<Done>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var nextStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cs.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "slow", () =>
        {
            slowStarted.SetResult();
            return slow.Task;
        });
        cs.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "fast", Record("fast"));
        cs.AddTask(CoordinatedShutdown.PhaseServiceStop, "next", () =>
        {
            nextStarted.SetResult();
            return Task.FromResult(Done.Instance);
        });

        var run = cs.Run(CoordinatedShutdown.UnknownReason.Instance);
        await slowStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(nextStarted.Task.IsCompleted);

        slow.SetResult(Done.Instance);

        await nextStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["fast"], _order);
    }

    [Fact]
    public async Task Run_PhaseTimesOutOnVirtualClock_ShutdownContinues()
    {
        var cs = CoordinatedShutdown.Get(Sys);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var nextStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cs.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "hangs", () =>
        {
            started.SetResult();
            return new TaskCompletionSource<Done>().Task;
        });
        cs.AddTask(CoordinatedShutdown.PhaseServiceStop, "next", () =>
        {
            nextStarted.SetResult();
            return Task.FromResult(Done.Instance);
        });
        int timersBefore = Clock!.PendingTimers;

        var run = cs.Run(CoordinatedShutdown.UnknownReason.Instance);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await WaitUntilAsync(() => Clock.PendingTimers > timersBefore);   // the phase's timeout timer is armed

        await AdvanceAsync(TimeSpan.FromSeconds(4.9));
        Assert.False(nextStarted.Task.IsCompleted);

        await AdvanceAsync(TimeSpan.FromSeconds(0.1));   // the default phase timeout is 5 s

        await nextStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(Sys.WhenTerminated.IsCompleted);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            cts.Token.ThrowIfCancellationRequested();
            await Task.Yield();
        }
    }

    [Fact]
    public async Task Run_FailingTask_IsLoggedAndShutdownContinues()
    {
        var cs = CoordinatedShutdown.Get(Sys);
        cs.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "broken", () => throw new InvalidOperationException("broken task"));
        cs.AddTask(CoordinatedShutdown.PhaseServiceStop, "after", Record("after"));

        await cs.Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["after"], _order);
    }

    [Fact]
    public async Task Terminate_RunsCoordinatedShutdownTasks()
    {
        var cs = CoordinatedShutdown.Get(Sys);
        cs.AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "a", Record("a"));
        cs.AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "b", Record("b"));

        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["a", "b"], _order);
        Assert.True(cs.IsRunning);
        Assert.Same(CoordinatedShutdown.ActorSystemTerminateReason.Instance, cs.ShutdownReason);
    }

    [Fact]
    public async Task Run_CalledTwice_ReturnsSameTaskAndRunsTasksOnce()
    {
        var cs = CoordinatedShutdown.Get(Sys);
        cs.AddTask(CoordinatedShutdown.PhaseServiceStop, "once", Record("once"));

        var first = cs.Run(CoordinatedShutdown.UnknownReason.Instance);
        var second = cs.Run(CoordinatedShutdown.ClrExitReason.Instance);

        Assert.Same(first, second);
        await first.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["once"], _order);
        Assert.Same(CoordinatedShutdown.UnknownReason.Instance, cs.ShutdownReason);
    }

    [Fact]
    public void AddTask_UnknownPhase_Throws()
    {
        var cs = CoordinatedShutdown.Get(Sys);
        Assert.Throws<ArgumentException>(() => cs.AddTask("no-such-phase", "x", Record("x")));
    }

    [Fact]
    public async Task AddTask_AfterRun_Throws()
    {
        var cs = CoordinatedShutdown.Get(Sys);
        var run = cs.Run(CoordinatedShutdown.UnknownReason.Instance);
        Assert.Throws<InvalidOperationException>(() => cs.AddTask(CoordinatedShutdown.PhaseServiceStop, "late", Record("late")));
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Get_SameSystem_ReturnsSameInstance()
    {
        Assert.Same(CoordinatedShutdown.Get(Sys), CoordinatedShutdown.Get(Sys));
    }
}

public sealed class CoordinatedShutdownPhaseTimeoutTests : TestKit.TestKit
{
    public CoordinatedShutdownPhaseTimeoutTests()
        : base(CreateOptions())
    {
    }

    private static ActorSystemOptions CreateOptions()
    {
        var options = new ActorSystemOptions();
        options.CoordinatedShutdown.PhaseTimeouts[CoordinatedShutdown.PhaseServiceUnbind] = TimeSpan.FromSeconds(30);
        return options;
    }

    [Fact]
    public async Task Run_PerPhaseTimeout_OverridesDefault()
    {
        var cs = CoordinatedShutdown.Get(Sys);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var nextStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cs.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "hangs", () =>
        {
            started.SetResult();
            return new TaskCompletionSource<Done>().Task;
        });
        cs.AddTask(CoordinatedShutdown.PhaseServiceStop, "next", () =>
        {
            nextStarted.SetResult();
            return Task.FromResult(Done.Instance);
        });
        int timersBefore = Clock!.PendingTimers;

        var run = cs.Run(CoordinatedShutdown.UnknownReason.Instance);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (Clock.PendingTimers <= timersBefore)
            {
                cts.Token.ThrowIfCancellationRequested();
                await Task.Yield();
            }
        }

        await AdvanceAsync(TimeSpan.FromSeconds(29));
        Assert.False(nextStarted.Task.IsCompleted);
        await AdvanceAsync(TimeSpan.FromSeconds(1));
        await nextStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
