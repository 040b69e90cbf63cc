using System.Net;
using System.Text.Json;
using Actors.Resilience.Breaker;
using SkiaSharp;

namespace Actors.Prediction.Tests.Hosting;

public sealed class PredictRouteTests
{
    [Fact]
    public async Task Post_Png_AnswersPredictionTimingsAndAHeatmapUrlServedAsPng()
    {
        await using PredictionHost host = await PredictionHost.StartAsync();
        using HttpResponseMessage response = await host.Upload(PredictionTestKit.SolidImage(64, 32, new SKColor(255, 51, 0)), "photo.jpg");
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        JsonElement body = JsonDocument.Parse(text).RootElement;
        Assert.Equal("a", body.GetProperty("label").GetString());
        Assert.Equal(0.7, body.GetProperty("scores").GetProperty("b").GetDouble(), 4);
        Assert.Equal("photo.jpg", body.GetProperty("file_name").GetString());
        Assert.True(body.GetProperty("timings_ms").GetProperty("inference_ms").GetDouble() >= 0);
        string url = body.GetProperty("heatmap_url").GetString()!;
        using HttpResponseMessage png = await host.Http.GetAsync(url);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        using SKBitmap heatmap = SKBitmap.Decode(await png.Content.ReadAsByteArrayAsync());
        Assert.Equal((64, 32), (heatmap.Width, heatmap.Height));

        using HttpResponseMessage jobs = await host.Http.GetAsync("/predict/jobs?limit=5");
        JsonElement list = JsonDocument.Parse(await jobs.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, list.GetProperty("total").GetInt64());
        Assert.Equal("succeeded", list.GetProperty("jobs")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Post_HeatmapBudgetBelowTheHeatmap_AnswersThePredictionWithTheHeatmapErrorNamingTheRequestsCap()
    {
        await using PredictionHost host = await PredictionHost.StartAsync();
        using HttpResponseMessage response = await host.Upload(PredictionTestKit.SolidImage(64, 32, new SKColor(255, 51, 0)), "photo.jpg", heatmapBudget: "1KB");
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        JsonElement body = JsonDocument.Parse(text).RootElement;

        Assert.Equal("a", body.GetProperty("label").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("heatmap_url").ValueKind);
        Assert.Contains("this request's heatmap_budget", body.GetProperty("heatmap_error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_HeatmapBudgetAboveTheConfiguredOne_DoesNotRaiseIt()
    {
        await using PredictionHost host = await PredictionHost.StartAsync();
        using HttpResponseMessage response = await host.Upload(PredictionTestKit.SolidImage(64, 32, new SKColor(255, 51, 0)), "photo.jpg", heatmapBudget: "1GB");
        JsonElement body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.String, body.GetProperty("heatmap_url").ValueKind);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1.5MB")]
    public async Task Post_BadHeatmapBudget_Answers400ProblemSayingTheForm(string budget)
    {
        await using PredictionHost host = await PredictionHost.StartAsync();
        using HttpResponseMessage response = await host.Upload(PredictionTestKit.SolidImage(8, 8, SKColors.Red), "a.png", heatmapBudget: budget);
        string text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("heatmap_budget", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TextNamedPng_Answers415Problem_WithoutAStackTrace()
    {
        await using PredictionHost host = await PredictionHost.StartAsync();
        using HttpResponseMessage response = await host.Upload("not an image"u8.ToArray(), "photo.png");
        string text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("PNG or JPEG", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/passwd.png")]
    [InlineData("..\\..\\boot.ini")]
    [InlineData("/etc/shadow")]
    public async Task Post_PathTraversalFileName_Answers400(string name)
    {
        await using PredictionHost host = await PredictionHost.StartAsync();
        using HttpResponseMessage response = await host.Upload(PredictionTestKit.SolidImage(8, 8, SKColors.Red), name);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("plain name", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutToken_Answers401()
    {
        await using PredictionHost host = await PredictionHost.StartAsync();
        using HttpResponseMessage response = await host.Upload(PredictionTestKit.SolidImage(8, 8, SKColors.Red), "a.png", token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_HugeDeclaredJpegOverTheMegapixelLimit_Answers413()
    {
        await using PredictionHost host = await PredictionHost.StartAsync("actors.prediction.max-megapixels = 0.01");
        using HttpResponseMessage response = await host.Upload(PredictionTestKit.SolidImage(200, 100, SKColors.Red, SKEncodedImageFormat.Jpeg), "big.jpg");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("max-megapixels", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Breaker_ModelFileMissing_OpensAndShowsInHealth_ClosesWhenTheFileIsFixed()
    {
        await using PredictionHost host = await PredictionHost.StartAsync();
        byte[] image = PredictionTestKit.SolidImage(8, 8, SKColors.Red);
        var opened = new TaskCompletionSource<CircuitBreakerStateChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        var closed = new TaskCompletionSource<CircuitBreakerStateChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        IActorRef listener = host.System.ActorOf(Props.Create(() => new BreakerListener(opened, closed)));
        host.System.EventStream.Subscribe(listener, typeof(CircuitBreakerStateChanged));

        // The tiny model serves while the broken one fails to load.
        using (HttpResponseMessage first = await host.Upload(image, "a.png", model: "broken"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
            string firstText = await first.Content.ReadAsStringAsync();
            Assert.True(firstText.Contains("broken.onnx", StringComparison.Ordinal), firstText);
        }

        await opened.Task.WaitAsync(TimeSpan.FromSeconds(20));
        using (HttpResponseMessage good = await host.Upload(image, "a.png", model: "tiny"))
        {
            Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        }

        using (HttpResponseMessage open = await host.Upload(image, "a.png", model: "broken"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, open.StatusCode);
            Assert.Contains("breaker", await open.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (HttpResponseMessage unit = await host.Http.GetAsync("/units/prediction/broken"))
        {
            Assert.Contains("open", (await unit.Content.ReadAsStringAsync()).ToLowerInvariant(), StringComparison.Ordinal);
        }

        File.Copy(PredictionTestKit.ModelPath("tiny_classifier.onnx"), host.BrokenPath);
        host.Scheduler.Advance(TimeSpan.FromSeconds(10));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        using HttpResponseMessage fixedResponse = await host.Upload(image, "a.png", model: "broken");
        Assert.Equal(HttpStatusCode.OK, fixedResponse.StatusCode);
    }

    private sealed class BreakerListener : ReceiveActor
    {
        public BreakerListener(TaskCompletionSource<CircuitBreakerStateChanged> opened, TaskCompletionSource<CircuitBreakerStateChanged> closed) =>
            Receive<CircuitBreakerStateChanged>(e => e.Name.Contains("broken", StringComparison.Ordinal), e =>
            {
                if (e.To == CircuitBreakerState.Open)
                {
                    opened.TrySetResult(e);
                }
                else if (e.To == CircuitBreakerState.Closed)
                {
                    closed.TrySetResult(e);
                }
            });
    }
}
