using System.Net.Http.Headers;
using Actors.Cmd;
using Actors.Hosting;
using Actors.Hosting.Admin;
using Actors.Prediction.Hosting;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Prediction.Tests.Hosting;

/// <summary>
/// A real generic host with the admin endpoints on a free loopback port and <c>WithPrediction</c> serving the generated
/// models from a HOCON file: <c>tiny</c> (with a heatmap) and <c>broken</c>, whose file is in a temporary folder the
/// test controls. Akka's scheduler runs on virtual time.
/// </summary>
internal sealed class PredictionHost : IAsyncDisposable
{
    public const string Token = "predict-token";

    private PredictionHost(IHost host, string folder, Uri url)
    {
        Host = host;
        Folder = folder;
        Http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
    }

    public IHost Host { get; }

    public string Folder { get; }

    public string BrokenPath => Path.Combine(Folder, "broken.onnx");

    public HttpClient Http { get; }

    public ActorSystem System => Host.Services.GetRequiredService<ActorSystem>();

    public Akka.TestKit.TestScheduler Scheduler => (Akka.TestKit.TestScheduler)System.Scheduler;

    public static async Task<PredictionHost> StartAsync(string? hocon = null)
    {
        string folder = Directory.CreateTempSubdirectory("predict-test-").FullName;
        string tiny = PredictionTestKit.ModelPath("tiny_classifier.onnx");
        string heat = PredictionTestKit.ModelPath("tiny_heatmap.onnx");
        string conf = Path.Combine(folder, "predict.conf");
        await File.WriteAllTextAsync(conf, $$"""
            akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
            akka.loglevel = ERROR
            actors.memory.compact-heap-on-cleanup = off
            actors.units.prediction {
              backoff { min = 0s, max = 0s }
              breaker { mode = consecutive, max-failures = 2, reset-timeout = 10s, backoff-factor = 1.0 }
            }
            actors.prediction {
              default-model = tiny
              models {
                tiny { path = "{{tiny}}", input-width = 16, input-height = 8, normalize = unit, resize = stretch, labels = [a, b], heatmap-path = "{{heat}}", heatmap-normalize = unit }
                broken { path = "{{Path.Combine(folder, "broken.onnx")}}", input-width = 16, input-height = 8, normalize = unit, resize = stretch, labels = [a, b], heatmap-path = "" }
              }
            }
            {{hocon ?? string.Empty}}
            """);
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddAkka("predict-" + Guid.NewGuid().ToString("N")[..8], akka => akka
            .AddStrictHoconFile(conf, o => o.Console = null)
            .WithPrediction()
            .WithAdminEndpoints(o =>
            {
                o.Port = 0;
                o.Token = Token;
            })
            .WithCmd(o =>
            {
                o.Port = 0;
                o.Token = Token;
            }));
        IHost host = builder.Build();
        await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        ActorSystem system = host.Services.GetRequiredService<ActorSystem>();
        Uri url = await AdminEndpoints.Get(system)!.WhenListening.WaitAsync(TimeSpan.FromSeconds(30));
        return new PredictionHost(host, folder, url);
    }

    public async Task<HttpResponseMessage> Upload(byte[] image, string fileName, string? model = null, string? token = Token, string? heatmapBudget = null)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "image", fileName);
        if (model is not null)
        {
            content.Add(new StringContent(model), "model");
        }

        if (heatmapBudget is not null)
        {
            content.Add(new StringContent(heatmapBudget), "heatmap_budget");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/predict") { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Host.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
