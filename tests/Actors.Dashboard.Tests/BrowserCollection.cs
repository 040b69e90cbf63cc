namespace Actors.Dashboard.Tests;

/// <summary>The browser tests share one Chromium and run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumBrowser>
{
    public const string Name = "browser";
}
