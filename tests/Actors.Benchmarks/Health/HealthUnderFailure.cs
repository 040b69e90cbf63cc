using System.Diagnostics;
using Actors.Benchmarks.Support;
using Actors.Hosting;
using Actors.Hosting.Admin;
using Actors.Resilience.Breaker;
using Actors.Resilience.Units;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Benchmarks.Health;

/// <summary>
/// <c>health-p99</c>: milliseconds of <c>GET /health</c> (the admin endpoints of an Akka.Hosting node, over real
/// HTTP on loopback, one request at a time) while 1,000 unit instances each fail once a second, against the same
/// endpoint while the same 1,000 instances are idle, measured in the same run.
/// </summary>
internal static class HealthUnderFailure
{
    private const int Instances = 1_000;

    public static BenchResult Run(BenchSettings settings)
    {
        using IHost host = StartNode();
        ActorSystem system = host.Services.GetRequiredService<ActorSystem>();
        Uri url = AdminEndpoints.Get(system)!.WhenListening.WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        Actors.Resilience.ResilienceRuntime runtime = Actors.Resilience.ResilienceRuntime.Get(system)!;
        IActorRef units = runtime.Units;
        var errors = new Actors.Resilience.Operations.ErrorOperations(runtime);
        using var http = new HttpClient { BaseAddress = url };

        // Every instance exists and serves before either phase.
        IActorRef counter = system.ActorOf(Props.Create<ReplyCounter>());
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        counter.Ask<ReplyCounter.Expect>(new ReplyCounter.Expect(Instances, ready), TimeSpan.FromSeconds(10)).Wait();
        for (int i = 0; i < Instances; i++)
        {
            units.Tell(new UnitMessage("flaky", "f" + i, Ping.Instance), counter);
        }

        ready.Task.Wait(TimeSpan.FromMinutes(1));
        Measure(http, TimeSpan.FromSeconds(1), out _); // warm-up: JIT, connection
        double idle = Measure(http, settings.HealthPhase, out _);

        using var stop = new CancellationTokenSource();
        long failedBefore = errors.Stats().GetAwaiter().GetResult().Total;
        var failing = Task.Run(async () =>
        {
            // 1,000 failures a second: ten every 10 ms, round-robin over the instances.
            using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
            int next = 0;
            while (await tick.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
            {
                for (int k = 0; k < 10; k++)
                {
                    units.Tell(new UnitMessage("flaky", "f" + next, Crash.Instance), ActorRefs.NoSender);
                    next = (next + 1) % Instances;
                }
            }
        });
        var loaded = Measure(http, settings.HealthPhase, out int requests);
        stop.Cancel();
        try
        {
            failing.Wait();
        }
        catch (AggregateException e) when (e.InnerException is OperationCanceledException)
        {
        }

        // The rate the workers really failed at, as the error journal counted it.
        double rate = (errors.Stats().GetAwaiter().GetResult().Total - failedBefore) / settings.HealthPhase.TotalSeconds;
        host.StopAsync().Wait(TimeSpan.FromSeconds(30));
        return new BenchResult("health-p99", "ms", loaded, idle, "value <= 5 ms", loaded <= 5, $"idle endpoint; {rate:0} failures/s, {requests} requests");
    }

    private static IHost StartNode()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddAkka("health-bench", akka => akka
            .AddHocon("akka.loglevel = OFF\nakka.stdout-loglevel = OFF", HoconAddMode.Prepend)
            .WithUnitKind("flaky", static _ => Props.Create<Echo>(), kind =>
            {
                kind.MinBackoff = TimeSpan.FromMilliseconds(10);
                kind.MaxBackoff = TimeSpan.FromMilliseconds(50);
                kind.PassivateAfter = null;
                kind.Breaker = new CircuitBreakerOptions { MaxFailures = int.MaxValue, ResetTimeout = TimeSpan.FromMinutes(1) };
            })
            .WithAdminEndpoints(admin => admin.Port = 0));
        IHost host = builder.Build();
        int code = host.StartWithExitCodeAsync().GetAwaiter().GetResult();
        return code == 0 ? host : throw new InvalidOperationException($"The benchmark node did not start (exit code {code}).");
    }

    private static double Measure(HttpClient http, TimeSpan duration, out int requests)
    {
        var latencies = new Latencies(1_000_000);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            long start = Stopwatch.GetTimestamp();
            using HttpResponseMessage response = http.GetAsync(new Uri("health", UriKind.Relative)).GetAwaiter().GetResult();
            _ = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            latencies.Add(Stopwatch.GetTimestamp() - start);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET /health answered {(int)response.StatusCode}.");
            }
        }

        requests = latencies.Count;
        return latencies.PercentileMicros(99) / 1000.0;
    }
}
