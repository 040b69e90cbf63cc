using Actors.Samples.Upstream;

namespace Actors.Sessions.Tests.Upstream;

/// <summary>The sample upstream's faults with <c>expires_after_ms</c> end by themselves (chaos relies on it when a node dies).</summary>
public sealed class UpstreamFaultExpiryTests
{
    [Fact]
    public void FaultsFor_ExpiringInstanceFault_InForceUntilItsTime_ThenTheGlobalOnesApply()
    {
        var clock = new ManualClock();
        var state = new UpstreamState { Time = clock };
        state.SetFaults(null, new FaultSettings { AckDelayMs = 7 });
        state.SetFaults("a", new FaultSettings { Refuse = true, ExpiresAfterMs = 10_000 });

        clock.Advance(TimeSpan.FromMilliseconds(9_999));
        Assert.True(state.FaultsFor("a").Refuse);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        FaultSettings after = state.FaultsFor("a");
        Assert.False(after.Refuse);
        Assert.Equal(7, after.AckDelayMs);
    }

    [Fact]
    public void FaultsFor_ExpiringGlobalFault_EndsWithNoFaults_WhileNonExpiringOnesStand()
    {
        var clock = new ManualClock();
        var state = new UpstreamState { Time = clock };
        state.SetFaults(null, new FaultSettings { Malformed = true, ExpiresAfterMs = 3_000 });
        state.SetFaults("b", new FaultSettings { DropAcks = true });

        clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(FaultSettings.None, state.FaultsFor("a"));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.True(state.FaultsFor("b").DropAcks);
    }

    /// <summary>A clock the test moves (only timestamps are read by the upstream).</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
