using Actors.Chaos.Hosting;
using Actors.Chaos.Monkey;
using Actors.Cmd;

namespace Actors.Chaos.Tests.Hosting;

public sealed class ChaosPaletteTests
{
    private static string Text(IReadOnlyList<CmdResponse> responses) => string.Join("\n", responses.Select(r => r.Text));

    [Fact]
    public async Task Pbm_StatusStartStop_SameMonkeyAsTheRoutes()
    {
        await using ChaosHost host = await ChaosHost.StartAsync();
        await using ICmdClient client = await host.PbmAsync();

        string status = Text(await client.ExecuteToListAsync("chaos", "status"));
        Assert.Contains("chaos: stopped (rate 1/s)", status, StringComparison.Ordinal);
        Assert.Contains("fake", status, StringComparison.Ordinal);

        string started = Text(await client.ExecuteToListAsync("chaos", "start", new Dictionary<string, string?> { ["rate"] = "30/min" }));
        Assert.Contains("chaos: RUNNING at 30/min", started, StringComparison.Ordinal);
        Assert.True((await ChaosRuntime.Get(host.System)!.StatusAsync()).Running);

        string stopped = Text(await client.ExecuteToListAsync("chaos", "stop"));
        Assert.Contains("standing faults cleared", stopped, StringComparison.Ordinal);
        Assert.False((await ChaosRuntime.Get(host.System)!.StatusAsync()).Running);
    }

    [Fact]
    public async Task Pbm_StartBadRate_AnswersTheAllowedRange_AndDoesNotStart()
    {
        await using ChaosHost host = await ChaosHost.StartAsync();
        await using ICmdClient client = await host.PbmAsync();

        string text = Text(await client.ExecuteToListAsync("chaos", "start", new Dictionary<string, string?> { ["rate"] = "100" }));

        Assert.Contains("error:", text, StringComparison.Ordinal);
        Assert.Contains("from 1/h to 20/s", text, StringComparison.Ordinal);
        Assert.False((await ChaosRuntime.Get(host.System)!.StatusAsync()).Running);
    }

    [Fact]
    public async Task Pbm_StartWithoutToken_IsRefused()
    {
        await using ChaosHost host = await ChaosHost.StartAsync();
        await using ICmdClient client = await host.PbmAsync(token: null);

        IReadOnlyList<CmdResponse> responses = await client.ExecuteToListAsync("chaos", "start");

        Assert.Contains(responses, r => r.Kind == CmdResponseKind.Error);
        Assert.False((await ChaosRuntime.Get(host.System)!.StatusAsync()).Running);
    }

    [Fact]
    public void Format_Status_ListsCountsByFaultAndTheLatestInjectionsNewestFirst()
    {
        DateTimeOffset at = new(2026, 12, 4, 15, 0, 0, TimeSpan.Zero);
        var status = new ChaosStatus(
            Running: true,
            RatePerSecond: 2,
            StartedAt: at,
            StoppedAt: null,
            Injected: 3,
            Skipped: 1,
            Failed: 0,
            ByFault: new Dictionary<string, long> { ["a"] = 2, ["b"] = 1 },
            Recent:
            [
                new ChaosInjectionRecord(at.AddSeconds(2), "b", "b-target", "newest", ChaosInjectionOutcome.Injected),
                new ChaosInjectionRecord(at.AddSeconds(1), "a", string.Empty, "nothing to hit", ChaosInjectionOutcome.Skipped),
            ],
            RecentCapacity: 50,
            Faults: [new ChaosFaultInfo("a", "fault a", 1), new ChaosFaultInfo("b", "fault b", 3)],
            ClearErrors: []);

        string text = ChaosPalette.Format(status, 10);

        Assert.StartsWith("chaos: RUNNING at 2/s since 15:00:00; injected 3, skipped 1, failed 0", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("newest", StringComparison.Ordinal) < text.IndexOf("nothing to hit", StringComparison.Ordinal));
        Assert.Contains("skipped", text, StringComparison.Ordinal);
        Assert.DoesNotContain("not cleared", text, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing to hit", ChaosPalette.Format(status, 1), StringComparison.Ordinal);
    }
}
