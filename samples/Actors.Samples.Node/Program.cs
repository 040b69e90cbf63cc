// The node: a generic host with Serilog, hocon/node.conf, the resilience layer and the admin HTTP endpoints.
// 1,000 instances of a flaky unit kind fail at random (refused connects in PreStart, failed messages), driven by a
// load generator; meanwhile this program polls GET /health over real HTTP every second and prints one line. At the
// end it stops the load, runs the emergency operation (POST /admin/emergency) so every instance stops and the
// numbers settle, and checks the endpoints against counts taken independently: what the workers threw, and what the
// event stream said. The process never dies: exit code 0 when the numbers agree.
//
//   dotnet run --project samples/Actors.Samples.Node -- --duration 10s
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Actors;
using Actors.Hocon;
using Actors.Hosting;
using Actors.Hosting.Admin;
using Actors.Resilience;
using Actors.Cmd;
using Actors.Resilience.Configuration;
using Actors.Samples.Node;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Filters;

TimeSpan duration = ReadDuration(args, out string[] hostArgs);
string logDirectory = Path.Combine(AppContext.BaseDirectory, "logs");
Log.Logger = new LoggerConfiguration()
    .MinimumLevel.Information()
    .Enrich.FromLogContext()
    // The console shows the node's own life (start, admin URL, stop); every crash goes to the file only.
    .WriteTo.Logger(console => console
        .Filter.ByIncludingOnly(e => Matching.FromSource("Actors.Hosting")(e) || e.Level >= Serilog.Events.LogEventLevel.Fatal)
        .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture, outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}"))
    .WriteTo.File(
        Path.Combine(logDirectory, "node-.log"),
        formatProvider: CultureInfo.InvariantCulture,
        rollingInterval: RollingInterval.Day,
        outputTemplate: "{Timestamp:o} [{Level:u3}] {SourceContext} {Message:lj} {Properties:j}{NewLine}{Exception}")
    .CreateLogger();

try
{
    HostApplicationBuilder builder = Host.CreateApplicationBuilder(hostArgs);
    builder.Services.AddSerilog();
    builder.AddActors("node", actors => actors
        .AddHoconFile(Path.Combine(AppContext.BaseDirectory, "hocon", "node.conf"))
        .AddReferenceConfig(typeof(CommandServer).Assembly)
        .WithResilience((options, config) =>
        {
            // Every 20th instance has a bad upstream: it refuses most connects, so its breaker opens.
            double refuse = config.GetDouble("node.flaky.refuse-connect");
            double refuseBad = config.GetDouble("node.flaky.bad-upstream-refuse-connect");
            int badEvery = config.GetInt("node.flaky.bad-upstream-every");
            double fail = config.GetDouble("node.flaky.fail-message");
            options.Kinds.Add(UnitKindConfig.Read(config, "flaky", id =>
            {
                bool bad = int.Parse(id.AsSpan("flaky-".Length), CultureInfo.InvariantCulture) % badEvery == 0;
                return Props.Create(() => new FlakyWorker(id, bad ? refuseBad : refuse, fail));
            }));
        })
        .AddAdminEndpoints(admin =>
        {
            // Mutating calls need a token; without one configured (ACTORS__ADMIN__TOKEN), this run makes its own.
            if (admin.Token.Length == 0)
            {
                admin.Token = RandomNumberGenerator.GetHexString(32, lowercase: true);
            }
        })
        .WithActors((system, registry) => system.ActorOf(Props.Create(() => new EventCounter()), "event-counter"))
        .AddStartup(async (system, registry, services) =>
        {
            Config config = system.Settings.Config;
            var runtime = services.GetRequiredService<ResilienceRuntime>();
            registry.Register<LoadGenerator>(system.ActorOf(
                Props.Create(() => new LoadGenerator(
                    runtime.Units,
                    config.GetInt("node.flaky.instances"),
                    config.GetInt("node.load.batch"),
                    config.GetTimeSpan("node.load.interval"))),
                "load"));

            // The command server that `pbm` talks to, with the resilience palettes over the same operations as the
            // admin endpoints (actors.cmd { host, port } in node.conf).
            CommandServer cmd = await CommandServer.StartAsync(system, CmdServerOptions.FromConfig(config));
            ResiliencePalettes.Register(cmd, runtime);
            Console.WriteLine($"node: pbm endpoint {cmd.Endpoint} (try: dotnet run --project src/Actors.Cmd.Cli -- {cmd.Endpoint} health)");
        }));

    using IHost host = builder.Build();
    await host.StartAsync();
    AdminEndpoints admin = host.Services.GetRequiredService<AdminEndpoints>();
    Uri url;
    try
    {
        url = await admin.WhenListening.WaitAsync(TimeSpan.FromSeconds(30));
    }
    catch (Exception e) when (e is OperationCanceledException or AdminEndpointsException)
    {
        // Start-up failed and was logged with its reason; the exit code says which failure it was.
        await host.StopAsync();
        return Environment.ExitCode;
    }

    var registry = host.Services.GetRequiredService<ActorRegistry>();
    IActorRef load = registry.Get<LoadGenerator>();
    using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
    var token = new AuthenticationHeaderValue("Bearer", admin.Options!.Token);
    Console.WriteLine($"node: {admin.Options.Host} admin endpoints at {url}, polling GET /health every second for {duration.TotalSeconds:0}s");

    var clock = Stopwatch.StartNew();
    using (var timer = new PeriodicTimer(TimeSpan.FromSeconds(1)))
    {
        while (clock.Elapsed < duration && await timer.WaitForNextTickAsync())
        {
            long started = Stopwatch.GetTimestamp();
            using HttpResponseMessage response = await http.GetAsync("/health");
            double ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            JsonElement h = await response.Content.ReadFromJsonAsync<JsonElement>();
            LoadTotals t = await load.Ask<LoadTotals>(new GetLoadTotals(Stop: false), TimeSpan.FromSeconds(5));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"t={clock.Elapsed.TotalSeconds,3:0}s {h.GetProperty("status").GetString(),-8} score {h.GetProperty("health_score").GetInt32(),3} | " +
                $"instances {h.GetProperty("total_instances").GetInt32(),4} active {h.GetProperty("active_connections").GetInt32(),4} " +
                $"breakers opened {h.GetProperty("circuit_breaker_activations").GetInt64(),3} retries {h.GetProperty("total_retry_attempts").GetInt64(),5} " +
                $"recent failures {h.GetProperty("total_recent_failures").GetInt32(),5} | sent {t.Sent,7} done {t.Done,7} circuit-open {t.CircuitOpen,5} | " +
                $"GET /health {(int)response.StatusCode} in {ms,4:0.0} ms"));
        }
    }

    // Settle: stop the load, then stop every (non-critical) instance with the emergency operation, so nothing
    // restarts and fails any more; then wait until the journal has recorded every failure the workers threw.
    LoadTotals final = await load.Ask<LoadTotals>(new GetLoadTotals(Stop: true), TimeSpan.FromSeconds(5));
    using (var emergency = new HttpRequestMessage(HttpMethod.Post, "/admin/emergency") { Headers = { Authorization = token } })
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
            JsonElement errors = await http.GetFromJsonAsync<JsonElement>("/admin/errors?count=1");
            journaled = errors.GetProperty("stats").GetProperty("total").GetInt64();
            if (journaled == before && before == FlakyStats.Thrown && EventCounter.Retries > 0)
            {
                break;
            }
        }
    }

    JsonElement health = await http.GetFromJsonAsync<JsonElement>("/health");
    long activations = health.GetProperty("circuit_breaker_activations").GetInt64();
    long retries = health.GetProperty("total_retry_attempts").GetInt64();
    long recent = health.GetProperty("total_recent_failures").GetInt32();
    bool agree = journaled == FlakyStats.Thrown && recent == FlakyStats.Thrown && activations == EventCounter.BreakersOpened && retries == EventCounter.Retries;
    Console.WriteLine($"final GET /health: {health.GetRawText()}");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load: sent {final.Sent}, done {final.Done}, circuit-open replies {final.CircuitOpen}, buffer overflows {final.Buffered}, overloaded {final.Overloaded}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"workers threw {FlakyStats.Thrown} ({FlakyStats.RefusedConnects} refused connects, {FlakyStats.FailedMessages} failed messages), served {FlakyStats.Served}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  GET /admin/errors total {journaled}, GET /health total_recent_failures {recent}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"event stream: breakers opened {EventCounter.BreakersOpened}, retries scheduled {EventCounter.Retries}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  GET /health circuit_breaker_activations {activations}, total_retry_attempts {retries}"));
    Console.WriteLine(agree ? "agree: yes" : "agree: NO");

    await host.StopAsync();
    return agree ? 0 : 1;
}
catch (Exception e)
{
    Log.Fatal(e, "The node crashed");
    return ActorsExitCodes.StartupFailed;
}
finally
{
    await Log.CloseAndFlushAsync();
}

static TimeSpan ReadDuration(string[] args, out string[] rest)
{
    var others = new List<string>();
    TimeSpan duration = TimeSpan.FromSeconds(10);
    for (int i = 0; i < args.Length; i++)
    {
        if (args[i] == "--duration" && i + 1 < args.Length)
        {
            duration = ConfigurationFactory.ParseString("d = " + args[++i], "--duration").GetTimeSpan("d");
        }
        else
        {
            others.Add(args[i]);
        }
    }

    rest = [.. others];
    return duration;
}
