using Actors.Chaos.Monkey;

namespace Actors.Chaos.Tests.Monkey;

public sealed class WeightedPickTests
{
    [Fact]
    public void Pick_AllZero_ReturnsMinusOne() => Assert.Equal(-1, WeightedPick.Pick([0, 0], new Random(1)));

    [Fact]
    public void Pick_OnlyOnePositive_AlwaysPicksIt()
    {
        var random = new Random(7);
        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal(2, WeightedPick.Pick([0, 0, 0.5, 0], random));
        }
    }

    [Fact]
    public void Pick_WeightsOneAndNine_SharesNearTenAndNinetyPercent()
    {
        var random = new Random(3);
        int[] counts = new int[2];
        for (int i = 0; i < 10_000; i++)
        {
            counts[WeightedPick.Pick([1, 9], random)]++;
        }

        Assert.InRange(counts[0], 850, 1150);
    }
}
