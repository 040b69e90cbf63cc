using Actors.Hocon;
using Actors.Chaos.Configuration;
using Actors.Chaos.Tests.Support;

namespace Actors.Chaos.Tests.Configuration;

public sealed class ChaosOptionsTests
{
    private static ChaosOptions Read(string hocon) => ChaosOptions.FromConfig(ConfigurationFactory.ParseString(hocon, "test.conf"));

    [Fact]
    public void FromConfig_Defaults_AreOffAtOnePerSecondWithBothBuiltInFaultsOn()
    {
        ChaosOptions o = Read(string.Empty);
        Assert.False(o.EnabledAtStart);
        Assert.Equal(1, o.RatePerSecond);
        Assert.Null(o.Seed);
        Assert.Equal(50, o.RecentCapacity);
        Assert.Equal(new Dictionary<string, double> { ["worker-exception"] = 1, ["memory-pressure"] = 1 }, o.Weights);
        Assert.Equal(64L << 20, o.MemoryPressure.SizeBytes);
        Assert.Equal(TimeSpan.FromSeconds(10), o.MemoryPressure.Hold);
    }

    [Fact]
    public void FromConfig_EveryKey_IsRead()
    {
        ChaosOptions o = Read("""
            actors.chaos {
              enabled-at-start = on
              rate = 30/min
              seed = 7
              recent = 5
              faults { worker-exception = 3, memory-pressure = off, upstream-refuse = on }
              worker-exception.exclude-kinds = [session]
              memory-pressure { size = 8MiB, hold = 2s }
            }
            """);
        Assert.True(o.EnabledAtStart);
        Assert.Equal(0.5, o.RatePerSecond);
        Assert.Equal(7, o.Seed);
        Assert.Equal(5, o.RecentCapacity);
        Assert.Equal(3, o.Weights["worker-exception"]);
        Assert.Equal(0, o.Weights["memory-pressure"]);
        Assert.Equal(1, o.Weights["upstream-refuse"]);
        Assert.Contains("session", o.WorkerException.ExcludeKinds);
        Assert.Equal(8L << 20, o.MemoryPressure.SizeBytes);
        Assert.Equal(TimeSpan.FromSeconds(2), o.MemoryPressure.Hold);
    }

    [Theory]
    [InlineData("actors.chaos.rate = 100/s", "actors.chaos.rate", "from 1/h to 20/s")]
    [InlineData("actors.chaos.rate = often", "actors.chaos.rate", "not a rate")]
    [InlineData("actors.chaos.seed = lucky", "actors.chaos.seed", "an integer")]
    [InlineData("actors.chaos.faults.worker-exception = sometimes", "actors.chaos.faults.worker-exception", "on, off or a weight")]
    [InlineData("actors.chaos.memory-pressure.size = 2GiB", "actors.chaos.memory-pressure.size", "1GiB")]
    [InlineData("actors.chaos.memory-pressure.hold = 0s", "actors.chaos.memory-pressure.hold", "positive")]
    [InlineData("actors.chaos.recent = 0", "actors.chaos.recent", "1 to 10000")]
    public void FromConfig_BadValue_ThrowsNamingTheKeyAndWhatIsAllowed(string hocon, string key, string allowed)
    {
        HoconException e = Assert.Throws<HoconException>(() => Read(hocon));
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
        Assert.Contains(allowed, e.Message, StringComparison.Ordinal);
        Assert.Contains("test.conf", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WeightForAnUnregisteredFault_ThrowsListingTheKnownOnes()
    {
        ChaosOptions o = Read("actors.chaos.faults.typo-fault = 2");
        o.AddFault(new FakeFault("worker-exception")).AddFault(new FakeFault("memory-pressure")).AddFault(new FakeFault("real"));
        ArgumentException e = Assert.Throws<ArgumentException>(o.Validate);
        Assert.Contains("typo-fault", e.Message, StringComparison.Ordinal);
        Assert.Contains("real", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFault_SameNameTwice_Throws()
    {
        var o = new ChaosOptions();
        o.AddFault(new FakeFault("a"));
        Assert.Throws<ArgumentException>(() => o.AddFault(new FakeFault("a")));
    }

    [Fact]
    public void WeightOf_ConfiguredWeight_OverridesTheRegisteredOne()
    {
        ChaosOptions o = Read("actors.chaos.faults { a = 5 }");
        var a = new FakeFault("a");
        var b = new FakeFault("b");
        o.AddFault(a, 1).AddFault(b, 2);
        Assert.Equal((5.0, 2.0), (o.WeightOf(a), o.WeightOf(b)));
    }
}
