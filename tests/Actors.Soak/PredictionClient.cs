using System.Net.Http.Headers;
using SkiaSharp;

namespace Actors.Soak;

/// <summary>Submits a small image to <c>POST /predict</c> every <see cref="SoakOptions.JobInterval"/> and records each job's outcome.</summary>
internal sealed class PredictionClient
{
    private readonly SoakOptions _options;
    private readonly byte[] _image = Image();

    public PredictionClient(SoakOptions options, KillWindow window)
    {
        _options = options;
        Outcomes = new Outcomes(window);
    }

    public Outcomes Outcomes { get; }

    public async Task RunAsync(HttpClient http, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_options.JobInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                using HttpResponseMessage? response = await Outcomes.SendAsync(http, () =>
                {
                    var content = new MultipartFormDataContent();
                    var file = new ByteArrayContent(_image);
                    file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
                    content.Add(file, "image", "soak.png");
                    return new HttpRequestMessage(HttpMethod.Post, "/predict") { Content = content };
                }).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>A 320x120 PNG with dark bars on white, shaped like lines of text.</summary>
    private static byte[] Image()
    {
        using var bitmap = new SKBitmap(320, 120);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = SKColors.Black };
            for (int line = 0; line < 3; line++)
            {
                canvas.DrawRect(20, 20 + (line * 32), 280 - (line * 40), 16, paint);
            }
        }

        using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
