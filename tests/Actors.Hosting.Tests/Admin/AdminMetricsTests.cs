using System.Globalization;
using System.Net;
using Actors.Resilience.Units;
using Akka.TestKit;

namespace Actors.Hosting.Tests.Admin;

/// <summary>
/// <c>GET /metrics</c> over a real Kestrel: Prometheus text whose series move by exactly the events a test causes.
/// The meters are process-wide, so a test reads only the series labelled with its own actor system's name.
/// </summary>
public sealed class AdminMetricsTests
{
    private const string Boom = "System.InvalidOperationException";

    /// <summary>Echo instances back off 1 s without jitter, and two failures in the window open an instance's breaker.</summary>
    private const string Hocon = """
        actors.units.echo {
          backoff { min = 1s, random-factor = 0 }
          breaker { max-failures = 2, reset-timeout = 10m }
        }
        """;

    [Fact]
    public async Task Metrics_AfterFailuresAndABreakerOpening_ScrapeShowsExactlyThoseEvents()
    {
        await using AdminHost admin = await AdminHost.StartAsync(hocon: Hocon);
        string system = admin.Host.Name;
        string before = await ScrapeAsync(admin);
        Assert.Null(Value(before, "actors_unit_failures_total", ("system", system)));

        Assert.Equal("a:hi", await admin.Tell("a", "hi"));
        Assert.Equal("b:hi", await admin.Tell("b", "hi"));

        // a: fails, backs off, restarts (1 s of virtual time), fails again: two failures open its breaker.
        Task<UnitStateChanged> backingOff = State(admin, "a", UnitState.BackingOff);
        await admin.Fail("a");
        await backingOff;
        Task<UnitStateChanged> running = State(admin, "a", UnitState.Running);
        ((TestScheduler)admin.Host.System.Scheduler).Advance(TimeSpan.FromSeconds(1));
        await running;
        Task<UnitStateChanged> open = State(admin, "a", UnitState.CircuitOpen);
        await admin.Fail("a");
        await open;

        // b: fails once and backs off.
        Task<UnitStateChanged> bBackingOff = State(admin, "b", UnitState.BackingOff);
        await admin.Fail("b");
        await bBackingOff;
        await RecordedAsync(admin);

        using HttpResponseMessage response = await admin.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Content.Headers.ContentType!.Parameters, p => p.Name == "version" && p.Value == "0.0.4");
        string after = await response.Content.ReadAsStringAsync();

        Assert.Equal(3, Value(after, "actors_unit_failures_total", ("system", system), ("kind", "echo"), ("exception_type", Boom)));
        Assert.Equal(2, Value(after, "actors_unit_restarts_total", ("system", system), ("kind", "echo")));
        Assert.Equal(1, Value(after, "actors_breaker_transitions_total", ("system", system), ("kind", "echo"), ("state", "open")));
        Assert.Null(Value(after, "actors_breaker_transitions_total", ("system", system), ("kind", "echo"), ("state", "half_open")));
        Assert.Equal(1, Value(after, "actors_unit_instances", ("system", system), ("kind", "echo"), ("state", "circuit_open")));
        Assert.Equal(1, Value(after, "actors_unit_instances", ("system", system), ("kind", "echo"), ("state", "backing_off")));
        Assert.Equal(0, Value(after, "actors_unit_instances", ("system", system), ("kind", "echo"), ("state", "running")));
        Assert.Contains("# TYPE actors_unit_failures_total counter", after, StringComparison.Ordinal);

        // The runtime's own meters are exported too (GC and memory for the dashboard).
        Assert.Contains("\nprocess_", after, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_Off_Answers404AndTheFallbackDoesNotListIt()
    {
        await using AdminHost admin = await AdminHost.StartAsync(hocon: "actors.admin.metrics = off");

        using HttpResponseMessage response = await admin.Http.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Contains("/health/watch/detailed, /admin/errors", body, StringComparison.Ordinal);
        Assert.DoesNotContain("/metrics, ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_BoundOffLoopback_RequiresTheToken()
    {
        await using AdminHost admin = await AdminHost.StartAsync(o => o.Host = "0.0.0.0");

        using HttpResponseMessage without = await admin.Http.GetAsync("/metrics");
        using HttpRequestMessage request = AdminHost.Request(HttpMethod.Get, "/metrics", AdminHost.Token);
        using HttpResponseMessage with = await admin.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.Contains("# TYPE", await with.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<UnitStateChanged> State(AdminHost admin, string id, UnitState state) =>
        EventSignal.Next<UnitStateChanged>(admin.Host.System, c => c.Kind == "echo" && c.Id == id && c.State == state);

    /// <summary>A phase barrier: the metrics recorder answers only after every event already in its mailbox.</summary>
    private static Task<ActorIdentity> RecordedAsync(AdminHost admin) =>
        admin.Host.System.ActorSelection("/system/resilience-metrics").Ask<ActorIdentity>(new Identify(null), TestHost.Timeout);

    private static async Task<string> ScrapeAsync(AdminHost admin)
    {
        using HttpResponseMessage response = await admin.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// The value of the one sample of <paramref name="metric"/> whose labels include all of <paramref name="labels"/>
    /// (the exporter may add labels of its own, such as the scope); null when there is none; fails when several match.
    /// </summary>
    private static double? Value(string scrape, string metric, params (string Name, string Value)[] labels)
    {
        string[] matching = scrape.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal))
            .Where(line => labels.All(l => line.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal)))
            .ToArray();
        Assert.True(matching.Length <= 1, $"Several samples of {metric} match: {string.Join(" | ", matching)}");
        if (matching.Length == 0)
        {
            return null;
        }

        // name{labels} value [timestamp]
        string rest = matching[0][(matching[0].LastIndexOf('}') + 1)..].Trim();
        return double.Parse(rest.Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
