// The node: an Akka.Hosting application with the Actors layer added to its AddAkka call (hocon/node.conf through the
// strict loader, the resilience layer, a unit kind, the health check, the admin HTTP endpoints) and Serilog.
// 1,000 instances of a flaky unit kind fail at random (refused connects in PreStart, failed messages), driven by a
// load generator; meanwhile this program polls GET /health over real HTTP every second and prints one line. At the
// end it stops the load, waits until every request has had its one typed outcome, runs the emergency operation
// (POST /admin/emergency) so every instance stops and the numbers settle, and checks the endpoints against counts
// taken independently: what the workers threw, and what the event stream said. The process never dies: exit code 0
// when the numbers agree and every request is accounted for.
//
//   dotnet run --project samples/Actors.Samples.Node -c Release -- --duration 60s
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
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

TimeSpan duration = arguments.Duration;
string logDirectory = Path.Combine(AppContext.BaseDirectory, "logs");
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
    NodeSettings settings = null!;
    bool generatedToken = false;
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
            // Mutating calls need a token; without one configured (ACTORS__ADMIN__TOKEN), this run makes its own.
            if (admin.Token.Length == 0)
            {
                admin.Token = RandomNumberGenerator.GetHexString(32, lowercase: true);
                generatedToken = true;
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
    Console.WriteLine($"node: admin endpoints {url} (port {url.Port}), bearer token {token}{(generatedToken ? " (made for this run; set ACTORS__ADMIN__TOKEN to choose it)" : string.Empty)}");
    Console.WriteLine($"node: pbm endpoint {pbmEndpoint} (mutations take --token with the same token). From another terminal, while the node runs:");
    Console.WriteLine($"  dotnet run --project src/Actors.Cmd.Cli -c Release -- {pbmEndpoint} health");
    Console.WriteLine($"  curl -s {url}health");
    Console.WriteLine($"  curl -s -X POST -H \"Authorization: Bearer {token}\" {url}admin/cleanup");
    Console.WriteLine($"node: logs in {logDirectory}; polling GET /health every second for {duration.TotalSeconds:0}s");

    using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };

    // The journal and the aggregator subscribe to the event stream when they start: once both have answered over
    // HTTP, no failure can be published before they listen. Then the load starts.
    (await http.GetAsync("/admin/errors?limit=1")).EnsureSuccessStatusCode();
    (await http.GetAsync("/health")).EnsureSuccessStatusCode();
    Console.WriteLine(await PredictionDemo.RunAsync(url, token, logDirectory) ? "prediction: served" : "prediction: NOT served (see the problem above for the fix)");
    load.Tell(StartLoad.Instance);
    Task<bool> sessions = SessionsDemo.RunAsync(url, token, CancellationToken.None);
    Task<(bool Ok, string Report)> feedsDemo = NodeFeeds.RunDemoAsync(system);
    var clock = Stopwatch.StartNew();
    int seconds = (int)duration.TotalSeconds;
    using (var timer = new PeriodicTimer(TimeSpan.FromSeconds(1)))
    {
        for (int second = 1; second <= seconds && await timer.WaitForNextTickAsync(); second++)
        {
            long begun = Stopwatch.GetTimestamp();
            using HttpResponseMessage response = await http.GetAsync("/health");
            double ms = Stopwatch.GetElapsedTime(begun).TotalMilliseconds;
            JsonElement h = await response.Content.ReadFromJsonAsync<JsonElement>();
            LoadTotals t = await load.Ask<LoadTotals>(new GetLoadTotals(Stop: false), TimeSpan.FromSeconds(5));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"t={clock.Elapsed.TotalSeconds,3:0}s {h.GetProperty("status").GetString(),-8} score {h.GetProperty("health_score").GetInt32(),3} | " +
                $"instances {h.GetProperty("total_instances").GetInt32(),4} active {h.GetProperty("active_connections").GetInt32(),4} " +
                $"breakers opened {h.GetProperty("circuit_breaker_activations").GetInt64(),3} retries {h.GetProperty("total_retry_attempts").GetInt64(),5} " +
                $"recent failures {h.GetProperty("total_recent_failures").GetInt32(),5} | sent {t.Sent,7} done {t.Done,7} failed {t.WorkerFailed,4} circuit-open {t.CircuitOpen,5} | " +
                $"GET /health {(int)response.StatusCode} in {ms,5:0.0} ms"));
        }
    }

    bool sessionsOk = await sessions;

    // Settle: stop the load and let the requests in flight get their outcome (a request buffered while its worker
    // backs off is answered when the worker is back, within the kind's max backoff): wait until the count of
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

    // Then stop every (non-critical) instance with the emergency operation, so nothing restarts and fails any more,
    // and wait until the journal has recorded every failure the workers threw.
    using (var emergency = new HttpRequestMessage(HttpMethod.Post, "/admin/emergency") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } })
    using (HttpResponseMessage response = await http.SendAsync(emergency))
    {
        JsonElement action = await response.Content.ReadFromJsonAsync<JsonElement>();
        Console.WriteLine($"POST /admin/emergency -> {(int)response.StatusCode}: {action.GetProperty("detail").GetString()}");
    }

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
    bool countsAgree = journaled == FlakyStats.Thrown && recent == FlakyStats.Thrown && activations == EventCounter.BreakersOpened && retries == EventCounter.Retries;
    bool accounted = final.Unaccounted == 0 && final.DeadLettered == 0 && final.Done == FlakyStats.Served;
    Console.WriteLine($"final GET /health: {health.GetRawText()}");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"workers threw {FlakyStats.Thrown} ({FlakyStats.RefusedConnects} refused connects, {FlakyStats.FailedMessages} failed messages), served {FlakyStats.Served}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  GET /admin/errors total {journaled}, GET /health total_recent_failures {recent}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"event stream: breakers opened {EventCounter.BreakersOpened}, retries scheduled {EventCounter.Retries}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  GET /health circuit_breaker_activations {activations}, total_retry_attempts {retries}"));
    Console.WriteLine(countsAgree ? "agree: yes" : "agree: NO");
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"load: sent {final.Sent} = done {final.Done} + worker-failed {final.WorkerFailed} + circuit-open {final.CircuitOpen} + buffer-overflow {final.Overflow} + overloaded {final.Overloaded} + unknown-kind {final.UnknownKind} + dead-lettered {final.DeadLettered}; unaccounted {final.Unaccounted}; done = served: {(final.Done == FlakyStats.Served ? "yes" : "NO")}"));

    (bool feedsOk, string feedsReport) = await feedsDemo;
    Console.WriteLine(feedsReport);
    await host.StopAsync();
    await NodeFeeds.StopAsync();
    return countsAgree && accounted && sessionsOk && feedsOk ? 0 : 1;
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
