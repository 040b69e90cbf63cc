using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Actors.Benchmarks.Support;
using Actors.Hosting;
using Actors.Hosting.Admin;
using Actors.Prediction.Hosting;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Benchmarks.Prediction;

/// <summary>
/// <c>predict-burst-rss</c>: peak RSS (MB) of a node (real host: admin endpoints, <c>WithPrediction</c> with the
/// default limits, the orientation classifier and the detector's heatmap) while 200 concurrent uploads of a
/// 4000x3000 JPEG hit <c>POST /predict</c>; every request must be answered with a result or a typed refusal. The
/// baseline is the same node's RSS just before the burst. Target: peak <= 512 MB.
/// </summary>
internal static class PredictBurstRss
{
    private const int Uploads = 200;

    public static BenchResult Run(BenchSettings settings)
    {
        return RunAsync().GetAwaiter().GetResult();
    }

    private static async Task<BenchResult> RunAsync()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddAkka("predict-burst", akka => akka
            .AddHocon(Akka.Configuration.ConfigurationFactory.ParseString("akka.loglevel = ERROR"), HoconAddMode.Prepend)
            .WithPrediction()
            .WithAdminEndpoints(o =>
            {
                o.Port = 0;
                o.Token = "bench";
            }));
        using IHost host = builder.Build();
        await host.StartAsync();
        try
        {
            ActorSystem system = host.Services.GetRequiredService<ActorSystem>();
            Uri url = await AdminEndpoints.Get(system)!.WhenListening.WaitAsync(TimeSpan.FromSeconds(30));
            byte[] jpeg = BenchImages.Page(4000, 3000);
            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(5) };
            HttpStatusCode warm = await Post(http, jpeg);
            if (warm != HttpStatusCode.OK)
            {
                Console.WriteLine($"  warm-up upload answered {(int)warm}: are the models fetched (src/Actors.Prediction/assets/fetch-models.sh)?");
            }

            GC.Collect();
            double idle = RssMb();
            double peak = idle;
            using var sampling = new CancellationTokenSource();
            Task sampler = Task.Run(async () =>
            {
                // RSS sampled every 5 ms until the burst is answered (a sampling clock, not a wait for a result).
                using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
                do
                {
                    peak = Math.Max(peak, RssMb());
                }
                while (!sampling.IsCancellationRequested && await every.WaitForNextTickAsync(CancellationToken.None));
            });
            HttpStatusCode[] codes = await Task.WhenAll(Enumerable.Range(0, Uploads).Select(_ => Post(http, jpeg)));
            await sampling.CancelAsync();
            await sampler;
            peak = Math.Max(peak, RssMb());
            int ok = codes.Count(c => c == HttpStatusCode.OK);
            int refused = codes.Count(c => c == HttpStatusCode.ServiceUnavailable);
            int other = Uploads - ok - refused;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {Uploads} concurrent uploads of a 4000x3000 JPEG ({jpeg.Length / 1048576.0:0.0} MB): {ok} predicted, {refused} refused (503, Retry-After), {other} other; RSS idle {idle:0} MB, peak {peak:0} MB"));
            return new BenchResult("predict-burst-rss", "MB", peak, idle, "peak <= 512 MB, every upload answered", peak <= 512 && other == 0, "the node's RSS before the burst");
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task<HttpStatusCode> Post(HttpClient http, byte[] jpeg)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(jpeg);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(file, "image", "page.jpg");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/predict") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "bench");
        using HttpResponseMessage response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static double RssMb()
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return 0;
    }
}
