using System.Text.Json;
using Actors.Hosting;
using Actors.Resilience.Health;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Actors.Dashboard.Tests;

/// <summary>
/// The page in headless Debian Chromium against a real host. The host runs on virtual time, so the aggregator
/// publishes only when asked (<c>GET /health</c> asks for a fresh snapshot) or when a test advances the clock: the
/// numbers hold still while the page and <c>GET /health</c> are compared, and each change reaches the page only
/// through the stream, never through a reload.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardPageTests(ChromiumBrowser chromium) : IAsyncLifetime
{
    private readonly List<IPage> _pages = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (IPage page in _pages)
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Page_ShowsTheNumbersOfGetHealth_AndFollowsThemLive()
    {
        await using DashboardHost host = await DashboardHost.StartAsync();
        IPage page = await Open(host);
        await Expect(page.GetByTestId("total-instances")).ToHaveTextAsync("0");

        // An event: two instances start. The aggregator publishes on its next tick, and the page follows unreloaded.
        Assert.Equal("a:hi", await host.Tell("a", "hi"));
        Assert.Equal("b:hi", await host.Tell("b", "hi"));
        host.Scheduler.Advance(host.Runtime.Options.Health.PublishInterval);
        await Expect(page.GetByTestId("total-instances")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("kind-echo").GetByTestId("instances")).ToHaveTextAsync("2");

        JsonElement health = await host.Health();
        Assert.Equal(2, health.GetProperty("total_instances").GetInt32());
        await ExpectSameNumbers(page, health);
    }

    [Fact]
    public async Task ResetOnThePage_ClosesTheOpenBreaker()
    {
        await using DashboardHost host = await DashboardHost.StartAsync();
        IPage page = await Open(host, DashboardHost.Token);
        Assert.Equal("a:hi", await host.Tell("a", "hi"));
        Assert.Equal("b:hi", await host.Tell("b", "hi"));
        await host.Fail("b");
        Assert.Equal("open", (await host.GetJson("/units/echo/b")).GetProperty("breaker").GetString());

        JsonElement health = await host.Health();
        ILocator row = page.GetByTestId("breaker-echo-b");
        await Expect(row.GetByTestId("state")).ToHaveTextAsync("breaker open");
        await Expect(page.Locator(".tiles [data-testid='circuit-open']")).ToHaveTextAsync("1");
        await ExpectSameNumbers(page, health);

        await row.GetByRole(AriaRole.Button, new() { Name = "Reset" }).ClickAsync();

        await Expect(page.GetByTestId("outcome").First).ToContainTextAsync("Reset echo/b");
        await Expect(page.GetByTestId("outcome").First).ToContainTextAsync("→ closed");
        Assert.Equal("closed", (await host.GetJson("/units/echo/b")).GetProperty("breaker").GetString());
        JsonElement breakers = await host.GetJson("/breakers/echo");
        Assert.All(breakers.GetProperty("breakers").EnumerateArray(), b => Assert.Equal("closed", b.GetProperty("state").GetString()));

        // The page learns it from the next snapshot the aggregator publishes.
        health = await host.Health();
        await Expect(page.GetByTestId("kind-echo").GetByTestId("circuit-open")).ToHaveTextAsync("0");
        await Expect(page.Locator("[data-testid='breakers'] tr[data-state='circuit_open']")).ToHaveCountAsync(0);
        await ExpectSameNumbers(page, health);
    }

    [Fact]
    public async Task WithoutToken_ActionsAreDisabledWithAMessage()
    {
        await using DashboardHost host = await DashboardHost.StartAsync();

        IPage page = await Open(host);

        await Expect(page.GetByTestId("actions-hint")).ToContainTextAsync("Actions are disabled: enter the admin token");
        await Expect(page.GetByTestId("action-cleanup")).ToBeDisabledAsync();
        await Expect(page.GetByTestId("action-emergency")).ToBeDisabledAsync();
    }

    [Fact]
    public async Task WrongToken_Action_ShowsThe401ProblemsDetail()
    {
        await using DashboardHost host = await DashboardHost.StartAsync();
        IPage page = await Open(host);

        await page.GetByTestId("token-input").FillAsync("not-the-token");
        await page.GetByTestId("token-save").ClickAsync();
        await page.GetByTestId("action-cleanup").ClickAsync();

        ILocator outcome = page.GetByTestId("outcome").First;
        await Expect(outcome).ToContainTextAsync("401 The bearer token is not valid.");
        await Expect(outcome).ToHaveAttributeAsync("data-ok", "false");
    }

    [Fact]
    public async Task TokenInTheAddress_IsKeptForTheTab_AndRemovedFromTheAddress()
    {
        await using DashboardHost host = await DashboardHost.StartAsync();

        IPage page = await Open(host, DashboardHost.Token);
        await page.GetByTestId("action-cleanup").ClickAsync();

        await Expect(page.GetByTestId("outcome").First).ToHaveAttributeAsync("data-ok", "true");
        Assert.DoesNotContain("access_token", page.Url, StringComparison.Ordinal);
        Assert.Equal(DashboardHost.Token, await page.EvaluateAsync<string>("() => sessionStorage.getItem('actors.admin.token')"));
    }

    [Fact]
    public async Task ErrorsPanel_ShowsEachFailureAsItIsJournaled()
    {
        await using DashboardHost host = await DashboardHost.StartAsync();
        IPage page = await Open(host);
        Assert.Equal("a:hi", await host.Tell("a", "hi"));

        await host.Fail("a");

        ILocator error = page.GetByTestId("error").First;
        await Expect(error).ToContainTextAsync("echo/a");
        await Expect(error).ToContainTextAsync("InvalidOperationException boom at a");
        await Expect(error).Not.ToContainTextAsync(" at Actors.");
    }

    [Fact]
    public async Task ChaosNotInstalled_ItsControlsAreHidden()
    {
        await using DashboardHost host = await DashboardHost.StartAsync();

        IPage page = await Open(host, DashboardHost.Token);

        await Expect(page.GetByTestId("chaos-missing")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("chaos-start")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Chaos_WhereInstalled_StartAndStopFromThePage()
    {
        var chaos = new FakeChaos();
        await using DashboardHost host = await DashboardHost.StartAsync(more: a => a.WithAdminRoutes(chaos.Routes));
        IPage page = await Open(host, DashboardHost.Token);
        await Expect(page.GetByTestId("chaos-state")).ToHaveTextAsync("stopped");
        await Expect(page.GetByTestId("chaos-missing")).ToBeHiddenAsync();

        await page.GetByTestId("chaos-start").ClickAsync();
        await Expect(page.GetByTestId("chaos-state")).ToHaveTextAsync("running");
        Assert.True(chaos.Running);

        await page.GetByTestId("chaos-stop").ClickAsync();
        await Expect(page.GetByTestId("chaos-state")).ToHaveTextAsync("stopped");
        Assert.False(chaos.Running);

        // Started elsewhere (pbm, another page): chaos reports into health, and the page follows without asking.
        host.System.EventStream.Publish(new WorkloadCounters("chaos", new Dictionary<string, long>(StringComparer.Ordinal) { ["running"] = 1, ["injected"] = 3, ["skipped"] = 0, ["failed"] = 0 }));
        await host.Health();
        await Expect(page.GetByTestId("chaos-state")).ToHaveTextAsync("running");
        host.System.EventStream.Publish(new WorkloadCounters("chaos", new Dictionary<string, long>(StringComparer.Ordinal) { ["running"] = 0, ["injected"] = 3, ["skipped"] = 0, ["failed"] = 0 }));
        await host.Health();
        await Expect(page.GetByTestId("chaos-state")).ToHaveTextAsync("stopped");
    }

    [Fact]
    public async Task Emergency_AsksFirst_CancelPostsNothing_ConfirmRunsIt()
    {
        await using DashboardHost host = await DashboardHost.StartAsync();
        IPage page = await Open(host, DashboardHost.Token);

        await page.GetByTestId("action-emergency").ClickAsync();
        await page.GetByTestId("confirm-cancel").ClickAsync();
        await Expect(page.GetByTestId("outcome").First).ToContainTextAsync("Emergency cancelled");
        Assert.Equal(0, (await host.GetJson("/admin/memory")).GetProperty("actions").GetArrayLength());

        await page.GetByTestId("action-emergency").ClickAsync();
        await page.GetByTestId("confirm-ok").ClickAsync();

        await Expect(page.GetByTestId("outcome").First).ToHaveAttributeAsync("data-ok", "true");
        await Expect(page.GetByTestId("outcome").First).ToContainTextAsync("Emergency");
        Assert.Equal(1, (await host.GetJson("/admin/memory")).GetProperty("actions").GetArrayLength());
    }

    /// <summary>Opens the page (with the token in its address when given) and waits until its health stream is live.</summary>
    private async Task<IPage> Open(DashboardHost host, string? token = null)
    {
        IPage page = await chromium.NewPage();
        _pages.Add(page);
        var failures = new List<string>();
        page.PageError += (_, error) => failures.Add(error);
        await page.GotoAsync(new Uri(host.Url, token is null ? "/" : $"/?access_token={token}").ToString());
        await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "live");
        await Expect(page.GetByTestId("score")).Not.ToHaveTextAsync("–");
        Assert.Empty(failures);
        return page;
    }

    /// <summary>The page shows the numbers of <paramref name="health"/> (a <c>GET /health</c> answer).</summary>
    private static async Task ExpectSameNumbers(IPage page, JsonElement health)
    {
        await Expect(page.GetByTestId("score")).ToHaveTextAsync(health.GetProperty("health_score").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("status")).ToHaveTextAsync(health.GetProperty("status").GetString()!);
        foreach ((string id, string field) in new[]
        {
            ("total-instances", "total_instances"),
            ("active", "active_connections"),
            ("connecting", "connecting"),
            ("recent-failures", "total_recent_failures"),
            ("breaker-activations", "circuit_breaker_activations"),
            ("retry-attempts", "total_retry_attempts"),
        })
        {
            await Expect(page.Locator($".tiles [data-testid='{id}']")).ToHaveTextAsync(health.GetProperty(field).GetInt64().ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-US")));
        }
    }
}
