using System.Diagnostics;
using System.Net.Http.Headers;

namespace Actors.Soak;

/// <summary>
/// The one outcome of each request a client made: answered (2xx), refused with a typed reply (an RFC 7807 problem),
/// answered with something untyped (a non-2xx that is not a problem: a defect), unanswered while the node was up (a
/// defect), or unanswered across the kill window (expected: the process was killed under it).
/// </summary>
internal sealed class Outcomes
{
    private readonly KillWindow _window;
    private long _sent;
    private long _ok;
    private long _typed;
    private long _untyped;
    private long _unanswered;
    private long _acrossKill;

    public Outcomes(KillWindow window) => _window = window;

    public long Sent => Interlocked.Read(ref _sent);

    public long Ok => Interlocked.Read(ref _ok);

    public long Typed => Interlocked.Read(ref _typed);

    public long Untyped => Interlocked.Read(ref _untyped);

    public long Unanswered => Interlocked.Read(ref _unanswered);

    public long AcrossKill => Interlocked.Read(ref _acrossKill);

    /// <summary>Whether every request is accounted for: sent = ok + typed + untyped + unanswered + across the kill.</summary>
    public bool Balanced => Sent == Ok + Typed + Untyped + Unanswered + AcrossKill;

    /// <summary>Sends one request and records its outcome; returns the response when there was one (caller disposes).</summary>
    public async Task<HttpResponseMessage?> SendAsync(HttpClient http, Func<HttpRequestMessage> request)
    {
        Interlocked.Increment(ref _sent);
        long started = Stopwatch.GetTimestamp();
        try
        {
            using HttpRequestMessage message = request();
            HttpResponseMessage response = await http.SendAsync(message).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _ok);
            }
            else if (IsProblem(response.Content.Headers.ContentType))
            {
                Interlocked.Increment(ref _typed);
            }
            else
            {
                Interlocked.Increment(ref _untyped);
            }

            return response;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref _window.Covers(started, Stopwatch.GetTimestamp()) ? ref _acrossKill : ref _unanswered);
            return null;
        }
    }

    public override string ToString() =>
        $"sent {Sent} = ok {Ok} + refused with a problem {Typed} + untyped {Untyped} + unanswered {Unanswered} + across the kill {AcrossKill}";

    private static bool IsProblem(MediaTypeHeaderValue? type) => type?.MediaType is "application/problem+json";
}
