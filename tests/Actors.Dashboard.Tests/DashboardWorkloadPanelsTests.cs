using Actors.Resilience.Health;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Actors.Dashboard.Tests;

/// <summary>
/// The workloads' own panels (Outbox, Prediction jobs, Feeds) in headless Chromium: figures published as
/// <see cref="WorkloadCounters"/> on the host's event stream reach the page through the health stream, per-minute
/// rates come from the difference of two snapshots, a stale tick is marked, and other owners stay generic cards.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardWorkloadPanelsTests(ChromiumBrowser chromium)
{
    [Fact]
    public async Task Panels_WorkloadCountersPublished_ShowTheFiguresAndRatesPerMinute()
    {
        await using DashboardHost host = await DashboardHost.StartAsync();
        IPage page = await chromium.NewPage();
        var failures = new List<string>();
        page.PageError += (_, error) => failures.Add(error);
        try
        {
            await page.GotoAsync(new Uri(host.Url, "/").ToString());
            await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "live");
            await Expect(page.GetByTestId("outbox-card")).ToBeHiddenAsync();
            await Expect(page.GetByTestId("prediction-card")).ToBeHiddenAsync();
            await Expect(page.GetByTestId("feeds-card")).ToBeHiddenAsync();

            // The first snapshot: totals to start from.
            Publish(host, "sessions/outbox", ("depth", 7), ("accepted_total", 200), ("delivered_total", 100), ("instances", 3));
            Publish(host, "prediction/demand", ("submitted", 50), ("completed", 40), ("refused", 5), ("failed", 3), ("timed_out", 2), ("latency_p50_ms", 12), ("latency_p95_ms", 48), ("latency_max_ms", 90));
            Publish(host, "feed-ticks/BTCUSDT", ("tick_age_ms", 300), ("ticks_total", 1000), ("reconnects", 1), ("streaming", 1));
            Publish(host, "feed-ticks/ETHUSDT", ("tick_age_ms", 5000), ("ticks_total", 500), ("reconnects", 4), ("streaming", 0));
            Publish(host, "feed/BTCUSDT", ("confirmed", 9), ("timeout", 1));
            Publish(host, "custom/thing", ("widgets", 42));
            await host.Health();
            await Expect(page.GetByTestId("outbox-depth")).ToHaveTextAsync("7");

            // Thirty seconds later (the node's clock), the second.
            host.Scheduler.Advance(TimeSpan.FromSeconds(30));
            Publish(host, "sessions/outbox", ("depth", 4), ("accepted_total", 257), ("delivered_total", 160), ("instances", 2));
            Publish(host, "prediction/demand", ("submitted", 86), ("completed", 70), ("refused", 6), ("failed", 5), ("timed_out", 2), ("latency_p50_ms", 15), ("latency_p95_ms", 1500), ("latency_max_ms", 2100));
            Publish(host, "feed-ticks/BTCUSDT", ("tick_age_ms", 400), ("ticks_total", 1600), ("reconnects", 1), ("streaming", 1));
            Publish(host, "feed-ticks/ETHUSDT", ("tick_age_ms", 35000), ("ticks_total", 500), ("reconnects", 4), ("streaming", 0));
            await host.Health();

            await Expect(page.GetByTestId("outbox-depth")).ToHaveTextAsync("4");
            await Expect(page.GetByTestId("outbox-delivered-per-minute")).ToHaveTextAsync("60");
            await Expect(page.GetByTestId("outbox-accepted-per-minute")).ToHaveTextAsync("57");
            await Expect(page.GetByTestId("outbox-instances")).ToHaveTextAsync("2");
            await Expect(page.Locator("#chart-outbox path.series.depth")).ToHaveCountAsync(1);

            ILocator demand = page.GetByTestId("prediction-demand");
            await Expect(demand.GetByTestId("completed-per-minute")).ToHaveTextAsync("30");
            await Expect(demand.GetByTestId("refused-per-minute")).ToHaveTextAsync("1");
            await Expect(demand.GetByTestId("failed-per-minute")).ToHaveTextAsync("2");
            await Expect(demand.GetByTestId("timed-out-per-minute")).ToHaveTextAsync("0");
            await Expect(demand.GetByTestId("p50")).ToHaveTextAsync("15 ms");
            await Expect(demand.GetByTestId("p95")).ToHaveTextAsync("1.5 s");
            await Expect(page.Locator("#chart-latency path.series.p95")).ToHaveCountAsync(1);

            ILocator btc = page.GetByTestId("feed-BTCUSDT");
            await Expect(btc.GetByTestId("state")).ToHaveTextAsync("streaming");
            await Expect(btc.GetByTestId("tick-age")).ToHaveTextAsync("400 ms");
            await Expect(btc.GetByTestId("tick-age")).ToHaveAttributeAsync("data-stale", "false");
            await Expect(btc.GetByTestId("ticks-per-minute")).ToHaveTextAsync("600");
            await Expect(btc.GetByTestId("reconnects")).ToHaveTextAsync("1");
            ILocator eth = page.GetByTestId("feed-ETHUSDT");
            await Expect(eth.GetByTestId("state")).ToHaveTextAsync("not streaming");
            await Expect(eth.GetByTestId("tick-age")).ToHaveTextAsync("35.0 s");
            await Expect(eth.GetByTestId("tick-age")).ToHaveAttributeAsync("data-stale", "true");
            await Expect(eth.GetByTestId("tick-age")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bbad\b"));
            await Expect(eth.GetByTestId("ticks-per-minute")).ToHaveTextAsync("0");

            // Owners without a panel stay generic cards; those with one are not repeated there.
            await Expect(page.GetByTestId("workload-feed/BTCUSDT")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("workload-custom/thing")).ToContainTextAsync("42");
            await Expect(page.GetByTestId("workload-sessions/outbox")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("workload-feed-ticks/BTCUSDT")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("workload-prediction/demand")).ToHaveCountAsync(0);
            Assert.Empty(failures);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static void Publish(DashboardHost host, string owner, params (string Name, long Value)[] counters) =>
        host.System.EventStream.Publish(new WorkloadCounters(owner, counters.ToDictionary(c => c.Name, c => c.Value, StringComparer.Ordinal)));
}
