namespace Actors.Cmd.Tests.Palettes;

public sealed class RenderingTests
{
    private sealed record Row(string Id, int Failures);

    private sealed record Report(string Status, int Score, IReadOnlyList<string> Reasons, IReadOnlyList<Row> Rows, IReadOnlyList<Row> Empty);

    [Fact]
    public void Render_ObjectWithAListOfObjects_KeyValuesThenATableUnderItsName()
    {
        Row[] rows = Enumerable.Range(0, 1000).Select(i => new Row($"instance-{i:0000}", i % 3)).ToArray();
        string text = CmdDataText.Render(new Report("warning", 94, ["3 breakers open"], rows, []));
        string[] lines = text.Split('\n');
        Assert.Equal("status   warning", lines[0]);
        Assert.Equal("score    94", lines[1]);
        Assert.Equal("reasons  3 breakers open", lines[2]);
        Assert.Equal("empty    (none)", lines[3]);
        Assert.Equal("rows:", lines[5]);
        Assert.Equal("ID             FAILURES", lines[6]);
        Assert.Equal("instance-0002  2", lines[10]);
        Assert.All(lines, l => Assert.True(l.Length < 100, l));
    }

    [Theory]
    [InlineData(50, 1000, "showing 50 of 1,000 instances; --all for all, -n N for N")]
    [InlineData(3, 3, "3 instances")]
    [InlineData(1, 1, "1 instance")]
    [InlineData(0, 0, "0 instances")]
    public void CountLine_ShownAndTotal(int shown, int total, string expected) =>
        Assert.Equal(expected, ListLimit.CountLine(shown, total, "instance", "instances"));

    [Fact]
    public void Page_CutsToTheLimit_KeepsTheTotal()
    {
        CmdPage<int> page = ListLimit.Page(Enumerable.Range(0, 60).ToArray(), 50);
        Assert.Equal((50, 60, true), (page.Shown, page.Total, page.IsTruncated));
        Assert.False(ListLimit.Page([1, 2], int.MaxValue).IsTruncated);
    }
}
