using Actors.Hosting;
using Actors.Resilience.Health;
using Actors.Resilience.Memory;
using Actors.Resilience.Units;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Actors.Dashboard.Tests;

/// <summary>
/// The README's screenshot: a quarter of an hour of activity on virtual time (traffic on three kinds, a kind that
/// keeps failing and restarting, an open breaker, a feed's and a model's reports), watched by the page from the
/// start, then a full-page PNG. It is written to <c>$ACTORS_DASHBOARD_SCREENSHOT</c> when set (see the README's
/// Dashboard section for the command that refreshes docs/dashboard.png), else to a temporary file.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardScreenshotTests(ChromiumBrowser chromium)
{
    private static readonly TimeSpan s_step = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Screenshot_AfterAQuarterHourOfActivity_IsAFullPagePng()
    {
        string? target = Environment.GetEnvironmentVariable("ACTORS_DASHBOARD_SCREENSHOT");
        string path = target is { Length: > 0 } ? Path.GetFullPath(target) : Path.Combine(Path.GetTempPath(), $"dashboard-{Guid.NewGuid():N}.png");
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
            long confirmed = 0;
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
                host.Scheduler.Advance(s_step);
                events = await NextHealthEvent(page, events);
            }

            await host.Health();
            await Expect(page.GetByTestId("breaker-echo-beta")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("workload-feed/BTCUSDT")).ToBeVisibleAsync();
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });

            byte[] png = await File.ReadAllBytesAsync(path);
            Assert.True(png.Length > 10_000, $"The screenshot is only {png.Length} bytes.");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        }
        finally
        {
            await page.Context.CloseAsync();
            if (target is not { Length: > 0 } && File.Exists(path))
            {
                File.Delete(path);
            }
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
