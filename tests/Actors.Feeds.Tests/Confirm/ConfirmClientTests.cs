using System.Diagnostics;
using Actors.Feeds.Configuration;
using Actors.Feeds.Confirm;
using Actors.Feeds.Signals;
using Actors.Feeds.Tests.Support;

namespace Actors.Feeds.Tests.Confirm;

/// <summary>The confirm call against a real fake endpoint on loopback: retries, timeouts, fences, fallback.</summary>
[Trait("Category", "Integration")]
public sealed class ConfirmClientTests : IAsyncLifetime
{
    private FakeConfirmEndpoint _endpoint = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _endpoint = await FakeConfirmEndpoint.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _endpoint.DisposeAsync();
    }

    private ConfirmClient Client(TimeSpan? timeout = null) => new(_http, new ConfirmOptions
    {
        Url = _endpoint.Url,
        // Generous unless the timeout is the point: the machine is shared, and a slow answer must not read as a timeout.
        Timeout = timeout ?? TimeSpan.FromSeconds(5),
        Attempts = 3,
        Backoff = TimeSpan.FromMilliseconds(20),
    });

    [Fact]
    public async Task ConfirmAsync_EndpointTimesOutEveryTime_ThreeAttemptsThenNeutralFallback()
    {
        _endpoint.Otherwise = new FakeAnswer.Hang();
        var clock = Stopwatch.StartNew();
        ConfirmResult result = await Client(TimeSpan.FromMilliseconds(200)).ConfirmAsync("BTCUSDT", SignalSide.Buy, 100m);
        Assert.Equal(ConfirmOutcome.Timeout, result.Outcome);
        Assert.Equal(0.5, result.Bias);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, _endpoint.Requests);
        Assert.Contains("did not answer within 200 ms", result.Detail, StringComparison.Ordinal);
        // Three timeouts of 200 ms and backoffs of 20 + 40 ms: bounded, never the HttpClient's 100 s default.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task ConfirmAsync_ErrorThenTimeoutThenFencedJson_ConfirmedOnThirdAttempt()
    {
        _endpoint.Then(new FakeAnswer.Status(503), new FakeAnswer.Hang(), new FakeAnswer.Body("Sure! Here is my view:\n```json\n{\"bias\": 0.82, \"reason\": \"momentum {strong}\"}\n```\nGood luck."));
        ConfirmResult result = await Client(TimeSpan.FromSeconds(1.5)).ConfirmAsync("BTCUSDT", SignalSide.Buy, 100m);
        Assert.Equal(ConfirmOutcome.Confirmed, result.Outcome);
        Assert.Equal(0.82, result.Bias);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, _endpoint.Requests);
    }

    [Fact]
    public async Task ConfirmAsync_MalformedJsonEveryTime_MalformedFallback()
    {
        _endpoint.Otherwise = new FakeAnswer.Body("{\"bias\": 0.9,, oops");
        ConfirmResult result = await Client().ConfirmAsync("ETHUSDT", SignalSide.Sell, 100m);
        Assert.Equal(ConfirmOutcome.Malformed, result.Outcome);
        Assert.Equal(0.5, result.Bias);
        Assert.Equal(3, _endpoint.Requests);
    }

    [Fact]
    public async Task ConfirmAsync_ServerErrorsEveryTime_ErrorFallbackNamingStatus()
    {
        _endpoint.Otherwise = new FakeAnswer.Status(500);
        ConfirmResult result = await Client().ConfirmAsync("ETHUSDT", SignalSide.Sell, 100m);
        Assert.Equal(ConfirmOutcome.Error, result.Outcome);
        Assert.Equal(0.5, result.Bias);
        Assert.Contains("500", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmAsync_NoEndpoint_DisabledWithoutARequest()
    {
        var client = new ConfirmClient(_http, new ConfirmOptions());
        ConfirmResult result = await client.ConfirmAsync("ETHUSDT", SignalSide.Buy, 1m);
        Assert.Equal(new ConfirmResult(0.5, ConfirmOutcome.Disabled, 0, result.Detail), result);
        Assert.Equal(0, _endpoint.Requests);
    }
}
