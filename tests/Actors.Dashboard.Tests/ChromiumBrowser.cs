using Microsoft.Playwright;

namespace Actors.Dashboard.Tests;

/// <summary>
/// One headless Debian Chromium for the browser tests, driven by Playwright for .NET (its driver ships inside the
/// NuGet package; Playwright's own browser download is never used). Without Chromium the fixture fails, and with it
/// every browser test, naming the install command: these tests must not pass where they did not run.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    /// <summary>Where Debian puts Chromium; ACTORS_CHROMIUM overrides it.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("ACTORS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The dashboard's browser tests need Debian's Chromium at {ExecutablePath}, which is missing: run `apt-get install -y chromium` " +
                "(as root; .ci/run does it), or set ACTORS_CHROMIUM to another Chromium.");
        }

        // Expect(...) waits this long for the page to show what a test expects; the machine is small and shared.
        Assertions.SetDefaultExpectTimeout((float)DashboardHost.Timeout.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh page (its own context, so its own sessionStorage) at a desktop size.</summary>
    public async Task<IPage> NewPage()
    {
        IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
