using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Actors.Samples.Node;

/// <summary>The node's own calls to its admin endpoints, each reduced to a line or a JSON value; never throws.</summary>
internal static class NodeHttp
{
    /// <summary>POSTs with the token and returns <c>POST path -> status: detail</c>.</summary>
    public static async Task<string> PostAsync(HttpClient http, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        try
        {
            using HttpResponseMessage response = await http.SendAsync(request).ConfigureAwait(false);
            string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            string detail = body;
            try
            {
                using var json = JsonDocument.Parse(body);
                JsonElement root = json.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("detail", out JsonElement d) && d.ValueKind == JsonValueKind.String)
                {
                    detail = d.GetString()!;
                }
                else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("running", out JsonElement running) && root.TryGetProperty("injected", out JsonElement injected))
                {
                    // A chaos status: one line, not the whole document (GET /admin/chaos has it all).
                    detail = $"chaos {(running.GetBoolean() ? "running" : "stopped")}" +
                        (root.TryGetProperty("rate", out JsonElement rate) ? $" at {rate}" : string.Empty) +
                        $", {injected} faults injected so far (GET /admin/chaos or pbm chaos status for the details)";
                }
            }
            catch (JsonException)
            {
            }

            return $"POST {path} -> {(int)response.StatusCode}: {(detail.Length > 300 ? detail[..300] + "..." : detail)}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return $"POST {path} -> no answer: {e.Message}";
        }
    }

    /// <summary>GETs JSON; <see langword="null"/> for 404 (the route is not installed) or no answer.</summary>
    public static async Task<JsonElement?> GetJsonAsync(HttpClient http, string path)
    {
        try
        {
            using HttpResponseMessage response = await http.GetAsync(path).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound || !response.IsSuccessStatusCode)
            {
                return null;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
            return json.RootElement.Clone();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }
}
