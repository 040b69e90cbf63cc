using Actors.Hosting;
using Actors.Resilience.Health;
using Actors.Resilience.Memory;
using Actors.Resilience.Units;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Actors.Dashboard.Tests;

/// <summary>
/// The README's screenshot: a quarter of an hour of activity on virtual time (traffic on three kinds, a kind that
/// keeps failing and restarting, an open breaker, the outbox's, a feed's and a model's reports), watched by the page
/// from the start, then a full-page PNG. It is written to <c>$ACTORS_DASHBOARD_SCREENSHOT</c> when set (see the
/// README's Dashboard section for the command that refreshes docs/dashboard.png), else to a temporary file.
/// With <c>$ACTORS_DASHBOARD_URL</c> set (a real node's dashboard, e.g. <c>http://127.0.0.1:5080/?access_token=...</c>)
/// it opens that page instead of the simulated host, waits until the page is live and holds
/// <c>$ACTORS_DASHBOARD_WAIT_SECONDS</c> (default 60) of history on the node's clock, and takes the same PNG.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardScreenshotTests(ChromiumBrowser chromium)
{
    private static readonly TimeSpan s_step = TimeSpan.FromSeconds(5);

    /// <summary>The default of <c>$ACTORS_DASHBOARD_WAIT_SECONDS</c>: the history a real node's screenshot waits for.</summary>
    private const int DefaultWaitSeconds = 60;

    [Fact]
    public async Task Screenshot_AfterAQuarterHourOfActivity_IsAFullPagePng()
    {
        string? target = Environment.GetEnvironmentVariable("ACTORS_DASHBOARD_SCREENSHOT");
        string path = target is { Length: > 0 } ? Path.GetFullPath(target) : Path.Combine(Path.GetTempPath(), $"dashboard-{Guid.NewGuid():N}.png");
        try
        {
            if (Environment.GetEnvironmentVariable("ACTORS_DASHBOARD_URL") is { Length: > 0 } url)
            {
                await ShootRealNode(new Uri(url), path);
            }
            else
            {
                await ShootSimulatedHost(path);
            }

            byte[] png = await File.ReadAllBytesAsync(path);
            Assert.True(png.Length > 10_000, $"The screenshot is only {png.Length} bytes.");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        }
        finally
        {
            if (target is not { Length: > 0 } && File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>A real node's page: live, then <c>$ACTORS_DASHBOARD_WAIT_SECONDS</c> of history (real time passes here).</summary>
    private async Task ShootRealNode(Uri url, string path)
    {
        int wait = Environment.GetEnvironmentVariable("ACTORS_DASHBOARD_WAIT_SECONDS") is { Length: > 0 } text
            ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
            : DefaultWaitSeconds;
        IPage page = await chromium.NewPage();
        try
        {
            await page.GotoAsync(url.ToString());
            await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "live");

            // The node publishes at least every 5 s (its resource sample): allow the wait plus two minutes.
            await page.WaitForFunctionAsync(
                $"() => Number(document.body.dataset.historySeconds || 0) >= {wait}",
                null,
                new PageWaitForFunctionOptions { Timeout = (wait + 120) * 1000f, PollingInterval = 1000 });
            await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "live");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task ShootSimulatedHost(string path)
    {
        await using DashboardHost host = await DashboardHost.StartAsync(
            hocon: "actors.units.payments.backoff { min = 5s, max = 20s, random-factor = 0 }",
            more: a => a
                .WithUnitKind("payments", id => Props.Create(() => new EchoWorker(id)))
                .WithUnitKind("sessions", id => Props.Create(() => new EchoWorker(id))));
        IPage page = await chromium.NewPage();
        try
        {
            await page.GotoAsync(new Uri(host.Url, $"/?access_token={DashboardHost.Token}").ToString());
            await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "live");
            foreach (string id in new[] { "u-17", "u-42", "u-58" })
            {
                await host.Tell(id, "hi", "sessions");
            }

            foreach (string id in new[] { "card-1", "card-2", "card-3", "card-4" })
            {
                await host.Tell(id, "hi", "payments");
            }

            await host.Tell("alpha", "hi");
            await host.Tell("beta", "hi");
            long confirmed = 0, accepted = 0, delivered = 0, jobs = 0;
            var ticks = new Dictionary<string, long> { ["BTCUSDT"] = 0, ["ETHUSDT"] = 0, ["SOLUSDT"] = 0 };
            int events = await HealthEvents(page);
            for (int step = 0; step < 180; step++)
            {
                for (int i = 0; i < 6; i++)
                {
                    host.Runtime.Units.Tell(new UnitMessage("sessions", $"u-{17 + (i * 13 % 50)}", "hi"));
                    host.Runtime.Units.Tell(new UnitMessage("payments", $"card-{1 + (i % 4)}", "hi"));
                }

                // payments/card-3 fails in bursts (it backs off and restarts); echo/beta fails once and its breaker opens.
                // (Told, not awaited: while it backs off, its "boom" is dropped like any message to a stopped worker.)
                if (step is >= 40 and < 70 && step % 3 == 0 || step is >= 120 and < 130)
                {
                    host.Runtime.Units.Tell(new UnitMessage("payments", "card-3", "boom"));
                }

                if (step == 150)
                {
                    await host.Fail("beta");
                }

                confirmed += 3 + (step % 4);
                host.System.EventStream.Publish(new WorkloadCounters("feed/BTCUSDT", new Dictionary<string, long>
                {
                    ["confirmed"] = confirmed,
                    ["timeout"] = step / 30,
                    ["error"] = step / 90,
                    ["malformed"] = 0,
                    ["disabled"] = 0,
                    ["fallbacks"] = step / 45,
                }));
                host.System.EventStream.Publish(new WorkloadMemory("prediction/demand", (12 + (step % 7)) * 1024 * 1024, step % 3, 3 * 1024 * 1024));
                accepted += 40 + (step % 9);
                delivered = Math.Min(accepted, delivered + (step is >= 60 and < 75 ? 10 : 48));
                host.System.EventStream.Publish(new WorkloadCounters("sessions/outbox", new Dictionary<string, long>
                {
                    ["depth"] = accepted - delivered,
                    ["accepted_total"] = accepted,
                    ["delivered_total"] = delivered,
                    ["instances"] = 3,
                }));
                jobs += 4 + (step % 3);
                host.System.EventStream.Publish(new WorkloadCounters("prediction/demand", new Dictionary<string, long>
                {
                    ["submitted"] = jobs + (step / 20),
                    ["completed"] = jobs - (step / 25),
                    ["refused"] = step / 20,
                    ["failed"] = step / 50,
                    ["timed_out"] = step / 90,
                    ["latency_p50_ms"] = 38 + (step % 5),
                    ["latency_p95_ms"] = 90 + (step % 11) * 6 + (step is >= 120 and < 130 ? 400 : 0),
                    ["latency_max_ms"] = 160 + (step % 13) * 9 + (step is >= 120 and < 130 ? 900 : 0),
                }));
                foreach ((string symbol, int rate) in new[] { ("BTCUSDT", 50), ("ETHUSDT", 35), ("SOLUSDT", 20) })
                {
                    bool down = symbol == "SOLUSDT" && step >= 170;
                    ticks[symbol] += down ? 0 : rate;
                    host.System.EventStream.Publish(new WorkloadCounters($"feed-ticks/{symbol}", new Dictionary<string, long>
                    {
                        ["tick_age_ms"] = down ? (step - 169) * 5000 : 100 + (step * 37 % 400),
                        ["ticks_total"] = ticks[symbol],
                        ["reconnects"] = symbol == "SOLUSDT" ? 1 + (step / 60) : 0,
                        ["streaming"] = down ? 0 : 1,
                    }));
                }

                host.Scheduler.Advance(s_step);
                events = await NextHealthEvent(page, events);
            }

            await host.Health();
            await Expect(page.GetByTestId("breaker-echo-beta")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("workload-feed/BTCUSDT")).ToBeVisibleAsync();
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await Expect(page.GetByTestId("feed-SOLUSDT").GetByTestId("tick-age")).ToHaveAttributeAsync("data-stale", "true");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task<int> HealthEvents(IPage page) =>
        int.Parse(await page.EvaluateAsync<string>("() => document.body.dataset.healthEvents || '0'"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Waits until the page has received a health event after the <paramref name="seen"/>th.</summary>
    private static async Task<int> NextHealthEvent(IPage page, int seen)
    {
        await page.WaitForFunctionAsync($"() => Number(document.body.dataset.healthEvents || 0) > {seen}");
        return await HealthEvents(page);
    }
}
