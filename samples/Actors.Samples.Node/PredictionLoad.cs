using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using SkiaSharp;

namespace Actors.Samples.Node;

/// <summary>
/// The node's prediction load: draws a page of text (and the same page upside down), uploads them to
/// <c>POST /predict</c> over real HTTP, prints the first two responses and saves the first heatmap next to the logs;
/// then, while the load runs, submits one of them every <see cref="Interval"/> and counts each job's one outcome:
/// completed, refused with a problem (typed: 4xx/5xx with RFC 7807 detail), or unanswered.
/// </summary>
internal sealed class PredictionLoad : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly HttpClient _http;
    private readonly string _token;
    private readonly byte[][] _pages = [TextPage(upsideDown: false), TextPage(upsideDown: true)];
    private readonly List<double> _milliseconds = [];
    private long _submitted;
    private long _completed;
    private long _refused;
    private long _unanswered;

    public PredictionLoad(Uri url, string token)
    {
        _http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(150) };
        _token = token;
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    /// <summary>The two first jobs, printed; false when the model is missing (its 503 says how to fetch it).</summary>
    public async Task<bool> RunFirstAsync(string outputDirectory)
    {
        bool ok = true;
        foreach (bool upsideDown in new[] { false, true })
        {
            (int status, string body, double ms) = await SubmitAsync(upsideDown ? 1 : 0).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"POST /predict ({(upsideDown ? "upside-down " : string.Empty)}text page, {_pages[upsideDown ? 1 : 0].Length} bytes) -> {status} in {ms:0} ms: {body}"));
            if (status != 200)
            {
                // A missing model is a typed 503 with the fix in its detail: the demo reports it and the node goes on.
                ok = false;
                continue;
            }

            JsonElement json = JsonDocument.Parse(body).RootElement;
            if (!upsideDown && json.TryGetProperty("heatmap_url", out JsonElement heatmapUrl) && heatmapUrl.ValueKind == JsonValueKind.String)
            {
                byte[] png = await _http.GetByteArrayAsync(heatmapUrl.GetString()).ConfigureAwait(false);
                string path = Path.Combine(outputDirectory, "heatmap.png");
                Directory.CreateDirectory(outputDirectory);
                await File.WriteAllBytesAsync(path, png).ConfigureAwait(false);
                Console.WriteLine($"GET {heatmapUrl.GetString()} -> image/png, {png.Length} bytes, saved to {path}");
            }
        }

        return ok;
    }

    /// <summary>Submits a job every <see cref="Interval"/> until <paramref name="stop"/>; the job in flight finishes.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            for (int n = 0; await timer.WaitForNextTickAsync(stop).ConfigureAwait(false); n++)
            {
                await SubmitAsync(n % 2).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>The summary line; ok when every job had its one outcome.</summary>
    public (bool Ok, string Report) Summary()
    {
        double[] sorted;
        lock (_milliseconds)
        {
            sorted = [.. _milliseconds.Order()];
        }

        string latency = sorted.Length == 0 ? "no job completed" : string.Create(CultureInfo.InvariantCulture, $"latency p50 {sorted[sorted.Length / 2]:0} ms, max {sorted[^1]:0} ms");
        long unanswered = Interlocked.Read(ref _unanswered);
        return (unanswered == 0, string.Create(
            CultureInfo.InvariantCulture,
            $"prediction: POST /predict submitted {Interlocked.Read(ref _submitted)} = completed {Interlocked.Read(ref _completed)} + refused with a problem {Interlocked.Read(ref _refused)} + unanswered {unanswered}; {latency}: {(unanswered == 0 ? "ok" : "NOT OK")}"));
    }

    private async Task<(int Status, string Body, double Ms)> SubmitAsync(int page)
    {
        Interlocked.Increment(ref _submitted);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(_pages[page]);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(file, "image", page == 1 ? "page-upside-down.jpg" : "page.jpg");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/predict") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        long start = Stopwatch.GetTimestamp();
        try
        {
            using HttpResponseMessage response = await _http.SendAsync(request).ConfigureAwait(false);
            string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _completed);
                lock (_milliseconds)
                {
                    _milliseconds.Add(ms);
                }
            }
            else
            {
                Interlocked.Increment(ref _refused);
            }

            return ((int)response.StatusCode, body, ms);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref _unanswered);
            return (0, e.Message, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    /// <summary>A 960x360 JPEG of black text on white (DejaVu Sans when installed, else bars shaped like lines of text).</summary>
    private static byte[] TextPage(bool upsideDown)
    {
        using var bitmap = new SKBitmap(960, 360);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            if (upsideDown)
            {
                canvas.RotateDegrees(180, 480, 180);
            }

            const string font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            if (File.Exists(font))
            {
                using SKTypeface typeface = SKTypeface.FromFile(font);
                using var big = new SKFont(typeface, 64);
                using var small = new SKFont(typeface, 40);
                canvas.DrawText("Let it crash, safely.", 40, 110, SKTextAlign.Left, big, paint);
                canvas.DrawText("Prediction jobs on ONNX Runtime:", 40, 210, SKTextAlign.Left, small, paint);
                canvas.DrawText("each job an actor, memory bounded.", 40, 290, SKTextAlign.Left, small, paint);
            }
            else
            {
                for (int line = 0; line < 4; line++)
                {
                    for (int word = 0; word < 6; word++)
                    {
                        canvas.DrawRect(40 + (word * 150), 60 + (line * 75), 110 - (word * 7 % 30), 38, paint);
                    }
                }
            }
        }

        using SKData data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
