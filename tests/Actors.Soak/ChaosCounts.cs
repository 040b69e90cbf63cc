using System.Globalization;
using System.Text.Json;

namespace Actors.Soak;

/// <summary>
/// The faults the node's chaos injected, read from <c>GET /admin/chaos</c>: the killed process's last counts plus the
/// running one's, by fault.
/// </summary>
internal sealed class ChaosCounts
{
    private readonly Dictionary<string, long> _earlier = new(StringComparer.Ordinal);
    private Dictionary<string, long> _current = new(StringComparer.Ordinal);

    public long Total
    {
        get
        {
            lock (_earlier)
            {
                return _earlier.Values.Sum() + _current.Values.Sum();
            }
        }
    }

    /// <summary>The process is about to be killed: its counts so far are kept, the next one's start from zero.</summary>
    public void Restarted()
    {
        lock (_earlier)
        {
            foreach ((string fault, long n) in _current)
            {
                _earlier[fault] = _earlier.GetValueOrDefault(fault) + n;
            }

            _current = new Dictionary<string, long>(StringComparer.Ordinal);
        }
    }

    public string ByKind()
    {
        lock (_earlier)
        {
            var all = new Dictionary<string, long>(_earlier, StringComparer.Ordinal);
            foreach ((string fault, long n) in _current)
            {
                all[fault] = all.GetValueOrDefault(fault) + n;
            }

            return all.Count == 0 ? "none" : string.Join(", ", all.OrderByDescending(p => p.Value).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value}")));
        }
    }

    public async Task ReadAsync(HttpClient http)
    {
        try
        {
            using HttpResponseMessage response = await http.GetAsync("/admin/chaos");
            if (!response.IsSuccessStatusCode)
            {
                return;
            }

            using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (!json.RootElement.TryGetProperty("by_fault", out JsonElement byFault) || byFault.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (JsonProperty p in byFault.EnumerateObject())
            {
                counts[p.Name] = p.Value.GetInt64();
            }

            lock (_earlier)
            {
                _current = counts;
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
        }
    }
}
