using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Actors.Dashboard.Tests;

/// <summary>Reads a server-sent event stream of the admin endpoints, one event at a time.</summary>
internal sealed class SseReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly IAsyncEnumerator<SseItem<string>> _events;
    private readonly CancellationTokenSource _stop;

    private SseReader(HttpResponseMessage response, IAsyncEnumerator<SseItem<string>> events, CancellationTokenSource stop)
    {
        _response = response;
        _events = events;
        _stop = stop;
    }

    public HttpResponseMessage Response => _response;

    public static async Task<SseReader> Open(HttpClient http, string path)
    {
        var stop = new CancellationTokenSource();
        HttpResponseMessage response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, stop.Token);
        response.EnsureSuccessStatusCode();
        Stream body = await response.Content.ReadAsStreamAsync(stop.Token);
        return new SseReader(response, SseParser.Create(body).EnumerateAsync(stop.Token).GetAsyncEnumerator(stop.Token), stop);
    }

    /// <summary>The next event's type and data; fails the test when none comes within the timeout.</summary>
    public async Task<(string Type, JsonElement Data)> Next()
    {
        bool more;
        try
        {
            more = await _events.MoveNextAsync().AsTask().WaitAsync(DashboardHost.Timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No server-sent event within {DashboardHost.Timeout.TotalSeconds} s.");
        }

        if (!more)
        {
            throw new InvalidOperationException("The server ended the event stream.");
        }

        return (_events.Current.EventType, JsonDocument.Parse(_events.Current.Data).RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _events.DisposeAsync();
        }
        catch (OperationCanceledException)
        {
            // Cancelled on purpose.
        }

        _response.Dispose();
        _stop.Dispose();
    }
}
