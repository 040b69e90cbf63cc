using Actors.Hocon.Tests.Support;

namespace Actors.Hocon.Tests.Values;

/// <summary>Duration and size units.</summary>
public sealed class HoconUnitsTests
{
    public static TheoryData<string, long> Durations()
    {
        var data = new TheoryData<string, long>();
        void Add(long ticks, params string[] units)
        {
            foreach (var u in units)
            {
                data.Add("3 " + u, 3 * ticks);
                data.Add("3" + u, 3 * ticks);
            }
        }

        Add(TimeSpan.TicksPerMillisecond, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(TimeSpan.TicksPerSecond, "s", "second", "seconds");
        Add(TimeSpan.TicksPerMinute, "m", "minute", "minutes");
        Add(TimeSpan.TicksPerHour, "h", "hour", "hours");
        Add(TimeSpan.TicksPerDay, "d", "day", "days");
        Add(10, "us", "micro", "micros", "microsecond", "microseconds");
        data.Add("300 ns", 3);
        data.Add("300nanos", 3);
        data.Add("300 nano", 3);
        data.Add("300 nanosecond", 3);
        data.Add("300 nanoseconds", 3);
        data.Add("1.5 s", 15_000_000);
        data.Add("250", 250 * TimeSpan.TicksPerMillisecond);
        data.Add("-2s", -2 * TimeSpan.TicksPerSecond);
        return data;
    }

    [Theory]
    [MemberData(nameof(Durations))]
    public void GetTimeSpan_Units_Converted(string text, long ticks) =>
        Assert.Equal(TimeSpan.FromTicks(ticks), TestHocon.Parse($"d = \"{text}\"").GetTimeSpan("d"));

    [Fact]
    public void GetTimeSpan_BareNumber_IsMilliseconds()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(1500), TestHocon.Parse("d = 1500").GetTimeSpan("d"));
        Assert.Equal(TimeSpan.FromTicks(15_000), TestHocon.Parse("d = 1.5").GetTimeSpan("d"));
    }

    [Fact]
    public void GetTimeSpan_UnquotedWithSpace_Converted() =>
        Assert.Equal(TimeSpan.FromMinutes(5), TestHocon.Parse("d = 5 minutes").GetTimeSpan("d"));

    [Fact]
    public void GetTimeSpan_Infinite_IsInfiniteTimeSpan() =>
        Assert.Equal(Timeout.InfiniteTimeSpan, TestHocon.Parse("d = infinite").GetTimeSpan("d"));

    [Theory]
    [InlineData("fifteen")]
    [InlineData("10 parsecs")]
    [InlineData("s")]
    [InlineData("1.2.3s")]
    [InlineData("99999999999999 days")]
    [InlineData("10 S")]
    public void GetTimeSpan_Invalid_Throws(string text)
    {
        var e = Assert.Throws<HoconException>(() => TestHocon.Parse($"d = \"{text}\"").GetTimeSpan("d"));
        Assert.Contains("expected a duration", e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, long> Sizes()
    {
        var data = new TheoryData<string, long>();
        data.Add("10", 10);
        data.Add("10 B", 10);
        data.Add("10b", 10);
        data.Add("10 byte", 10);
        data.Add("10 bytes", 10);
        string[] dec = ["k", "M", "G", "T", "P", "E"];
        string[] decWords = ["kilo", "mega", "giga", "tera", "peta", "exa"];
        string[] binWords = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi"];
        long p10 = 1;
        long p2 = 1;
        for (int i = 0; i < dec.Length; i++)
        {
            p10 *= 1000;
            p2 *= 1024;
            data.Add("1 " + dec[i] + "B", p10);
            data.Add("1 " + decWords[i] + "byte", p10);
            data.Add("1 " + decWords[i] + "bytes", p10);
            string up = dec[i].ToUpperInvariant();
            data.Add("1 " + up, p2);
            data.Add("1" + up.ToLowerInvariant(), p2);
            data.Add("1 " + up + "i", p2);
            data.Add("1 " + up + "iB", p2);
            data.Add("1 " + binWords[i] + "byte", p2);
            data.Add("1 " + binWords[i] + "bytes", p2);
        }

        data.Add("1.5 KiB", 1536);
        data.Add("0.5M", 524288);
        return data;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void GetByteSize_Units_Converted(string text, long bytes) =>
        Assert.Equal(bytes, TestHocon.Parse($"s = \"{text}\"").GetByteSize("s"));

    [Fact]
    public void GetByteSize_BareNumber_IsBytes() =>
        Assert.Equal(4096L, TestHocon.Parse("s = 4096").GetByteSize("s"));

    [Theory]
    [InlineData("ten")]
    [InlineData("10 KB")]
    [InlineData("10 kiB")]
    [InlineData("10 MiBs")]
    [InlineData("1 ZB")]
    [InlineData("1 YiB")]
    public void GetByteSize_InvalidOrOverflowing_Throws(string text)
    {
        var e = Assert.Throws<HoconException>(() => TestHocon.Parse($"s = \"{text}\"").GetByteSize("s"));
        Assert.Contains("expected a size in bytes", e.Message, StringComparison.Ordinal);
    }
}
