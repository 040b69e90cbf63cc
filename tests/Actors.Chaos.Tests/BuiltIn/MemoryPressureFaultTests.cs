using Actors.Chaos.BuiltIn;
using Actors.Chaos.Configuration;
using Actors.Chaos.Faults;
using Actors.Chaos.Monkey;
using Actors.Chaos.Tests.Support;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Chaos.Tests.BuiltIn;

public sealed class MemoryPressureFaultTests(ITestOutputHelper output) : ChaosTestKit(output)
{
    private const long Size = 3L << 20;

    private ChaosContext Context() => new(Sys, new Random(1), Scheduler.Now, CancellationToken.None);

    [Fact]
    public async Task InjectAsync_HoldsTheConfiguredSize_NeverASecondBallast_AndReleasesAfterTheHoldTime()
    {
        var fault = new MemoryPressureFault(new MemoryPressureOptions { SizeBytes = Size, Hold = TimeSpan.FromSeconds(10) });

        ChaosInjection first = await fault.InjectAsync(Context());
        ChaosInjection second = await fault.InjectAsync(Context());

        Assert.True(first.Injected);
        Assert.False(second.Injected);
        Assert.Contains("already held", second.Detail, StringComparison.Ordinal);
        Assert.Equal(Size, fault.HeldBytes);
        Scheduler.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(Size, fault.HeldBytes);
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, fault.HeldBytes);
        Assert.True((await fault.InjectAsync(Context())).Injected); // a new ballast once the old one is gone
    }

    [Fact]
    public async Task Stop_WhileABallastIsHeld_ReleasesItAtOnce()
    {
        var options = new ChaosOptions { RatePerSecond = 1, Seed = 1 };
        options.MemoryPressure.SizeBytes = Size;
        options.MemoryPressure.Hold = TimeSpan.FromMinutes(10);
        var fault = new MemoryPressureFault(options.MemoryPressure);
        options.AddFault(fault);
        TestProbe injections = SubscribeInjections();
        IActorRef monkey = await StartedMonkeyAsync(options);
        Assert.Equal(ChaosInjectionOutcome.Injected, (await TickAsync(injections, 1, TimeSpan.FromSeconds(1)))[0].Outcome);
        Assert.Equal(Size, fault.HeldBytes);

        ChaosStatus stopped = await monkey.Ask<ChaosStatus>(StopChaos.Instance, Signal);

        Assert.False(stopped.Running);
        Assert.Equal(0, fault.HeldBytes);
    }
}
