using System.Globalization;
using System.Net.Http.Json;
using Actors.Feeds.Configuration;
using Actors.Feeds.Signals;

namespace Actors.Feeds.Confirm;

/// <summary>
/// The optional confirm call: POSTs <c>{symbol, side, price}</c> to the configured endpoint, each attempt bounded by
/// the timeout, up to the configured attempts with exponential backoff between them, and reads a bias with
/// <see cref="ConfirmParser"/>. Whenever confirmation is unavailable the result carries the fallback bias (neutral,
/// 0.5) and why: it never throws. Thread-safe.
/// </summary>
public sealed class ConfirmClient
{
    private readonly HttpClient _http;
    private readonly ConfirmOptions _options;

    /// <summary>Creates the client.</summary>
    /// <param name="http">The HTTP client (its own timeout should be longer than the attempt timeout).</param>
    /// <param name="options">Endpoint, timeout, attempts, backoff, fallback.</param>
    public ConfirmClient(HttpClient http, ConfirmOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
    }

    /// <summary>Asks the endpoint to confirm a signal.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="side">The signal.</param>
    /// <param name="price">The price at the signal.</param>
    /// <param name="cancellationToken">Stops waiting (the result is then a fallback with outcome <see cref="ConfirmOutcome.Timeout"/>).</param>
    /// <returns>The bias and how it was obtained.</returns>
    public async Task<ConfirmResult> ConfirmAsync(string symbol, SignalSide side, decimal price, CancellationToken cancellationToken = default)
    {
        if (_options.Url is not { } url)
        {
            return new ConfirmResult(_options.FallbackBias, ConfirmOutcome.Disabled, 0, "no confirm endpoint configured (actors.feeds.confirm.url)");
        }

        ConfirmOutcome outcome = ConfirmOutcome.Error;
        string detail = string.Empty;
        for (int attempt = 1; attempt <= _options.Attempts; attempt++)
        {
            if (attempt > 1)
            {
                TimeSpan delay = _options.Backoff * Math.Pow(2, attempt - 2);
                try
                {
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return Fallback(ConfirmOutcome.Timeout, attempt - 1, "cancelled while backing off");
                }
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            try
            {
                using HttpResponseMessage response = await _http.PostAsJsonAsync(url, new { symbol, side = side.ToString().ToUpperInvariant(), price }, timeout.Token).ConfigureAwait(false);
                string body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    outcome = ConfirmOutcome.Error;
                    detail = string.Create(CultureInfo.InvariantCulture, $"{url} answered {(int)response.StatusCode}");
                    continue;
                }

                if (ConfirmParser.TryParse(body, out double bias, out string? error))
                {
                    return new ConfirmResult(bias, ConfirmOutcome.Confirmed, attempt, null);
                }

                outcome = ConfirmOutcome.Malformed;
                detail = $"{url}: {error}";
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                outcome = ConfirmOutcome.Timeout;
                detail = string.Create(CultureInfo.InvariantCulture, $"{url} did not answer within {_options.Timeout.TotalMilliseconds:0} ms");
            }
            catch (OperationCanceledException)
            {
                return Fallback(ConfirmOutcome.Timeout, attempt, "cancelled");
            }
            catch (Exception e) when (e is HttpRequestException or ObjectDisposedException or InvalidOperationException or IOException)
            {
                // Anything the call itself can throw is an unavailable confirmation, never a failure of the feed.
                outcome = ConfirmOutcome.Error;
                detail = $"{url}: {e.Message}";
            }
        }

        return Fallback(outcome, _options.Attempts, detail);
    }

    private ConfirmResult Fallback(ConfirmOutcome outcome, int attempts, string detail) =>
        new(_options.FallbackBias, outcome, attempts, detail);
}
