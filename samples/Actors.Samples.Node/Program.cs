// The reference node: one Akka.Hosting application that hosts every workload under one supervision tree: the session
// gateway (against the sample upstream), prediction jobs (against the fetched ONNX models), exchange feeds (against
// the sample exchange) and a flaky unit kind that fails at random, with the health aggregator, the error journal, the
// memory guard, the admin endpoints (dashboard at /, /metrics), the command server for pbm, and Serilog. hocon/node.conf
// is read through the strict loader. A light steady load runs unless --no-load; --duration bounds the run, otherwise
// it runs until Ctrl+C. Either way it then stops the load, lets every request in flight get its one typed outcome and
// prints a summary that accounts for each: exit code 0 when nothing is unaccounted for.
//
//   dotnet run --project samples/Actors.Samples.Node -c Release -- --duration 60s
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json;
using Actors.Chaos.Hosting;
using Actors.Cmd;
using Actors.Feeds.Hosting;
using Actors.Hosting;
using Actors.Hosting.Admin;
using Actors.Hosting.Validation;
using Actors.Prediction.Hosting;
using Actors.Resilience;
using Actors.Resilience.Units;
using Actors.Samples.Node;
using Actors.Samples.Node.Chaos;
using Actors.Sessions.Hosting;
using Akka.Hosting;
using Akka.Logger.Serilog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;

NodeArguments? arguments = NodeArguments.Parse(args, out string? argumentError);
if (arguments is null)
{
    await Console.Error.WriteLineAsync($"error: {argumentError}\n\n{NodeArguments.Usage}");
    return 2;
}

if (arguments.Help)
{
    Console.WriteLine(NodeArguments.Usage);
    return 0;
}

var upClock = Stopwatch.StartNew();
string logDirectory = Path.Combine(AppContext.BaseDirectory, "logs");
string dataDirectory = Path.GetFullPath("data");
Log.Logger = new LoggerConfiguration()
    .MinimumLevel.Information()
    .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
    .Enrich.FromLogContext()
    // The console shows this program's own lines; every crash, warning and start-up detail goes to the file.
    .WriteTo.File(
        Path.Combine(logDirectory, "node-.log"),
        formatProvider: CultureInfo.InvariantCulture,
        rollingInterval: RollingInterval.Day,
        outputTemplate: "{Timestamp:o} [{Level:u3}] {SourceContext} {Message:lj} {Properties:j}{NewLine}{Exception}")
    .CreateLogger();

try
{
    HostApplicationBuilder builder = Host.CreateApplicationBuilder();
    builder.Services.AddSerilog();
    // Ctrl+C and SIGTERM are the node's to handle (below): it stops its load and prints its summary before the host stops.
    builder.Services.AddSingleton<IHostLifetime, NodeLifetime>();
    NodeSettings settings = null!;
    string tokenOrigin = "configured (actors.admin.token)";
    string adminToken = string.Empty;
    builder.Services.AddAkka("node", akka => akka
        .ConfigureLoggers(loggers => loggers.AddSerilogLogging())
        .AddStrictHoconFile(Path.Combine(AppContext.BaseDirectory, "hocon", "node.conf"))
        .WithStartupValidation(checks => checks.Add(CmdPortIsFree))
        .WithResilience((_, config) => settings = NodeSettings.Read(config))
        .WithUnitKind("flaky", id =>
        {
            // Every 20th instance has a bad upstream: it refuses most connects, so its breaker opens.
            bool bad = int.Parse(id.AsSpan("flaky-".Length), CultureInfo.InvariantCulture) % settings.BadUpstreamEvery == 0;
            return Props.Create(() => new FlakyWorker(id, bad ? settings.BadUpstreamRefuseConnect : settings.RefuseConnect, settings.FailMessage));
        })
        .WithSessions(LocalUpstream.Use)
        .WithPrediction()
        .WithFeeds(NodeFeeds.Configure)
        .WithChaos(chaos => NodeChaos.Configure(chaos, arguments.Chaos))
        .WithResilienceHealthCheck()
        .WithAdminEndpoints(admin =>
        {
            // Mutating calls need a token; without one configured (ACTORS__ADMIN__TOKEN), the node makes one once and
            // keeps it in ./data, so the printed dashboard URL and pbm line stay valid across restarts.
            if (admin.Token.Length == 0)
            {
                string file = Path.Combine(dataDirectory, "admin-token");
                admin.Token = AdminTokenFile.ReadOrCreate(file, out bool made);
                tokenOrigin = $"{(made ? "made now and kept" : "kept")} in {file}; ACTORS__ADMIN__TOKEN=... sets your own";
            }

            adminToken = admin.Token;
        })
        .WithCmd(cmd =>
        {
            // pbm's mutations need a token too: the same one as the admin endpoints, unless actors.cmd.token sets one.
            if (string.IsNullOrEmpty(cmd.Token))
            {
                cmd.Token = adminToken;
            }
        })
        .WithActors((system, registry) =>
        {
            IActorRef counter = system.ActorOf(Props.Create(() => new EventCounter()), "event-counter");
            system.EventStream.Subscribe(counter, typeof(UnitStateChanged));
            system.EventStream.Subscribe(counter, typeof(UnitRetryScheduled));
            IActorRef units = ResilienceRuntime.Get(system)!.Units;
            registry.Register<LoadGenerator>(system.ActorOf(Props.Create(() => new LoadGenerator(units, settings.Instances, settings.Batch, settings.Interval)), "load"));
        }));

    using IHost host = builder.Build();
    int started = await host.StartWithExitCodeAsync();
    if (started != 0)
    {
        return started;
    }

    ActorSystem system = host.Services.GetRequiredService<ActorSystem>();
    AdminEndpoints admin = AdminEndpoints.Get(system)!;
    Uri url = await admin.WhenListening.WaitAsync(TimeSpan.FromSeconds(30));
    string token = admin.Options.Token;
    IActorRef load = host.Services.GetRequiredService<ActorRegistry>().Get<LoadGenerator>();
    CommandServer cmd = CommandServer.Get(system)!;
    string pbmEndpoint = $"{cmd.Endpoint.Address}:{cmd.Endpoint.Port}";
    using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(10) };

    // The journal and the aggregator subscribe to the event stream when they start: once both have answered over
    // HTTP, no failure can be published before they listen. Then the node is up.
    (await http.GetAsync("/admin/errors?limit=1")).EnsureSuccessStatusCode();
    (await http.GetAsync("/health")).EnsureSuccessStatusCode();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"node: up in {upClock.Elapsed.TotalSeconds:0.0} s ({(arguments.Duration is { } d ? $"stops after {d.TotalSeconds:0} s" : "runs until Ctrl+C")}{(arguments.NoLoad ? ", no load" : ", light steady load")}{(arguments.Chaos ? ", chaos on" : string.Empty)})"));
    Console.WriteLine($"  dashboard    {url}?access_token={token}");
    Console.WriteLine($"  admin API    {url} (GET open on loopback; POST needs -H \"Authorization: Bearer {token}\"); metrics {url}metrics");
    Console.WriteLine($"  admin token  {token} ({tokenOrigin})");
    Console.WriteLine($"  pbm          {pbmEndpoint}; from another terminal in this repository:");
    Console.WriteLine($"                 dotnet run --project src/Actors.Cmd.Cli -c Release -- {pbmEndpoint} health");
    Console.WriteLine($"                 dotnet run --project src/Actors.Cmd.Cli -c Release -- {pbmEndpoint} --token {token} chaos start");
    Console.WriteLine($"  curl         curl -s {url}health; curl -s -X POST -H \"Authorization: Bearer {token}\" {url}admin/cleanup");
    Console.WriteLine($"  upstream     {(LocalUpstream.Server is { } up ? $"{up.WebSocketUrl} (sample upstream in this process; faults and stats at {up.HttpUrl})" : "external (actors.sessions.upstream)")}");
    Console.WriteLine($"  exchange     {(NodeFeeds.LocalExchange is { } ex ? $"{ex.WebSocketUrl} (sample exchange in this process)" : "external (actors.feeds.url)")}");
    Console.WriteLine($"  models       {Path.Combine(AppContext.BaseDirectory, "models")}");
    Console.WriteLine($"  data         {dataDirectory} (session outboxes' SQLite journal, admin token)");
    Console.WriteLine($"  logs         {logDirectory} (every crash with its stack trace; the console shows none)");

    // Ctrl+C or SIGTERM ends the run: once gracefully (the summary follows), a second time at once.
    using var stop = new CancellationTokenSource();
    if (arguments.Duration is { } duration)
    {
        stop.CancelAfter(duration);
    }

    void OnSignal(PosixSignalContext context)
    {
        if (stop.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        Console.WriteLine($"node: {context.Signal} received: stopping the load and accounting for every request (press Ctrl+C again to quit at once)");
        stop.Cancel();
    }

    using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
    using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

    using PredictionLoad? prediction = arguments.NoLoad ? null : new PredictionLoad(url, token);
    using SessionsLoad? sessions = arguments.NoLoad ? null : new SessionsLoad(url, token);
    Task sessionsRun = Task.CompletedTask;
    Task predictionRun = Task.CompletedTask;
    Task<(bool Ok, string Report)>? feedsDemo = null;
    if (arguments.Chaos)
    {
        Console.WriteLine(await NodeHttp.PostAsync(http, token, "/admin/chaos/start"));
    }

    if (prediction is not null && sessions is not null)
    {
        Console.WriteLine(await prediction.RunFirstAsync(logDirectory) ? "prediction: served" : "prediction: NOT served (see the problem above for the fix)");
        load.Tell(StartLoad.Instance);
        sessionsRun = sessions.RunAsync(stop.Token);
        predictionRun = prediction.RunAsync(stop.Token);
        if (!arguments.Chaos)
        {
            // The scripted exchange faults, one after the other, each reported with its recovery (chaos makes its own).
            feedsDemo = NodeFeeds.RunDemoAsync(system);
        }
    }

    var clock = Stopwatch.StartNew();
    var every = TimeSpan.FromSeconds(arguments.Duration is { } bounded && bounded <= TimeSpan.FromSeconds(20) ? 1 : 5);
    using (var timer = new PeriodicTimer(every))
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                long begun = Stopwatch.GetTimestamp();
                using HttpResponseMessage response = await http.GetAsync("/health", stop.Token);
                double ms = Stopwatch.GetElapsedTime(begun).TotalMilliseconds;
                JsonElement h = await response.Content.ReadFromJsonAsync<JsonElement>(stop.Token);
                LoadTotals t = await load.Ask<LoadTotals>(new GetLoadTotals(Stop: false), TimeSpan.FromSeconds(5));
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"t={clock.Elapsed.TotalSeconds,4:0}s {h.GetProperty("status").GetString(),-8} score {h.GetProperty("health_score").GetInt32(),3} | " +
                    $"instances {h.GetProperty("total_instances").GetInt32(),4} active {h.GetProperty("active_connections").GetInt32(),4} " +
                    $"breakers opened {h.GetProperty("circuit_breaker_activations").GetInt64(),3} retries {h.GetProperty("total_retry_attempts").GetInt64(),5} " +
                    $"recent failures {h.GetProperty("total_recent_failures").GetInt32(),5} | flaky sent {t.Sent,7} done {t.Done,7} | " +
                    $"sessions accepted {sessions?.Accepted ?? 0,5} | GET /health {(int)response.StatusCode} in {ms,5:0.0} ms"));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    // The end: chaos stops first (every standing fault cleared), so what follows heals; then the load stops and every
    // request in flight gets its outcome.
    JsonElement? chaos = await NodeHttp.GetJsonAsync(http, "/admin/chaos");
    long injected = chaos is { } c && c.TryGetProperty("injected", out JsonElement i) ? i.GetInt64() : 0;
    if (chaos is { } running && running.TryGetProperty("running", out JsonElement r) && r.GetBoolean())
    {
        Console.WriteLine(await NodeHttp.PostAsync(http, token, "/admin/chaos/stop"));
    }

    await Task.WhenAll(sessionsRun, predictionRun);
    var reports = new List<(bool Ok, string Report)>();

    // Settle: stop the flaky load and let the requests in flight get their outcome (a request buffered while its
    // worker backs off is answered when the worker is back, within the kind's max backoff): wait until the count of
    // unanswered requests stops moving for a second, or five seconds at most.
    LoadTotals final = await load.Ask<LoadTotals>(new GetLoadTotals(Stop: true), TimeSpan.FromSeconds(5));
    var settling = Stopwatch.StartNew();
    var still = Stopwatch.StartNew();
    using (var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100)))
    {
        while (final.Unaccounted != 0 && still.Elapsed < TimeSpan.FromSeconds(1) && settling.Elapsed < TimeSpan.FromSeconds(5) && await poll.WaitForNextTickAsync())
        {
            LoadTotals next = await load.Ask<LoadTotals>(new GetLoadTotals(Stop: false), TimeSpan.FromSeconds(5));
            if (next.Unaccounted != final.Unaccounted)
            {
                still.Restart();
            }

            final = next;
        }
    }

    if (sessions is not null)
    {
        reports.Add(await sessions.SettleAsync(TimeSpan.FromSeconds(60)));
    }

    if (prediction is not null)
    {
        reports.Add(prediction.Summary());
    }

    if (feedsDemo is not null)
    {
        reports.Add(await feedsDemo);
    }

    reports.Add((true, NodeFeeds.Summary(system)));

    // Without chaos, the node checks its own endpoints: every instance stops (POST /admin/emergency), so nothing
    // restarts and fails any more, then the journal's and the health's counts must equal those taken independently
    // (what the flaky workers threw, what the event stream said). Injected faults are not counted independently.
    bool countsAgree = true;
    if (!arguments.NoLoad && injected == 0)
    {
        Console.WriteLine(await NodeHttp.PostAsync(http, token, "/admin/emergency"));
        long journaled = -1;
        var settle = Stopwatch.StartNew();
        using (var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100)))
        {
            while (settle.Elapsed < TimeSpan.FromSeconds(10) && await poll.WaitForNextTickAsync())
            {
                long before = FlakyStats.Thrown;
                JsonElement errors = await http.GetFromJsonAsync<JsonElement>("/admin/errors?limit=1");
                journaled = errors.GetProperty("stats").GetProperty("total").GetInt64();
                final = await load.Ask<LoadTotals>(new GetLoadTotals(Stop: false), TimeSpan.FromSeconds(5));
                if (journaled == before && before == FlakyStats.Thrown && EventCounter.Retries > 0 && final.Unaccounted == 0)
                {
                    break;
                }
            }
        }

        JsonElement health = await http.GetFromJsonAsync<JsonElement>("/health");
        long activations = health.GetProperty("circuit_breaker_activations").GetInt64();
        long retries = health.GetProperty("total_retry_attempts").GetInt64();
        long recent = health.GetProperty("total_recent_failures").GetInt32();
        countsAgree = journaled == FlakyStats.Thrown && recent == FlakyStats.Thrown && activations == EventCounter.BreakersOpened && retries == EventCounter.Retries;
        Console.WriteLine($"final GET /health: {health.GetRawText()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"flaky workers threw {FlakyStats.Thrown} ({FlakyStats.RefusedConnects} refused connects, {FlakyStats.FailedMessages} failed messages), served {FlakyStats.Served}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  GET /admin/errors total {journaled}, GET /health total_recent_failures {recent}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"event stream: breakers opened {EventCounter.BreakersOpened}, retries scheduled {EventCounter.Retries}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  GET /health circuit_breaker_activations {activations}, total_retry_attempts {retries}"));
        Console.WriteLine(countsAgree ? "agree: yes" : "agree: NO");
    }
    else if (injected > 0)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chaos injected {injected} faults: the journal and health counts are not compared with the flaky workers' own (injected failures are not counted independently)"));
    }

    bool accounted = final.Unaccounted == 0 && final.DeadLettered == 0 && (injected > 0 || final.Done == FlakyStats.Served);
    Console.WriteLine("summary:");
    if (!arguments.NoLoad)
    {
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"flaky: sent {final.Sent} = done {final.Done} + worker-failed {final.WorkerFailed} + circuit-open {final.CircuitOpen} + buffer-overflow {final.Overflow} + overloaded {final.Overloaded} + unknown-kind {final.UnknownKind} + dead-lettered {final.DeadLettered}; unaccounted {final.Unaccounted}: {(accounted ? "ok" : "NOT OK")}"));
    }

    foreach ((bool _, string report) in reports)
    {
        Console.WriteLine(report);
    }

    bool ok = countsAgree && accounted && reports.All(x => x.Ok);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"node: ran {clock.Elapsed.TotalSeconds:0} s; {(ok ? "every request and message accounted for (exit 0)" : "NOT everything accounted for (exit 1)")}"));
    await host.StopAsync();
    await NodeFeeds.StopAsync();
    return ok ? 0 : 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

// The command server's port must be free: checked before the actor system starts, so a busy port is a start-up
// problem with its fix (exit code 78), not a failure of a running system.
static Task<IEnumerable<StartupProblem>> CmdPortIsFree(StartupValidationContext context, CancellationToken cancellationToken)
{
    int port = context.Config.GetInt("actors.cmd.port");
    if (port == 0 || !IPAddress.TryParse(context.Config.GetString("actors.cmd.host"), out IPAddress? address))
    {
        return Task.FromResult(Enumerable.Empty<StartupProblem>());
    }

    return new StartupValidationBuilder()
        .RequireFreePort(port, address, "the command server, actors.cmd.port")
        .ValidateAsync(context, cancellationToken)
        .ContinueWith(t => t.Result.AsEnumerable(), cancellationToken, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
}
