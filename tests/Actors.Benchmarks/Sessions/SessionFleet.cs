using Actors.Resilience;
using Actors.Resilience.Breaker;
using Actors.Resilience.Units;
using Actors.Samples.Upstream;
using Actors.Sessions;
using Actors.Sessions.Configuration;
using Actors.Sessions.Operations;
using Actors.Sessions.Worker;

namespace Actors.Benchmarks.Sessions;

/// <summary>A node's worth of connected sessions against the sample upstream on loopback, in this process.</summary>
internal sealed class SessionFleet : IDisposable
{
    private readonly string _dir;

    private SessionFleet(ActorSystem system, SessionOperations ops, string dir)
    {
        System = system;
        Ops = ops;
        _dir = dir;
    }

    public ActorSystem System { get; }

    public SessionOperations Ops { get; }

    public static SessionFleet Start(Uri upstream)
    {
        string dir = Path.Combine(Path.GetTempPath(), "actors-fleet-" + Guid.NewGuid().ToString("N")[..8]);
        var options = new SessionOptions { Upstream = upstream, DataDirectory = dir, AskTimeout = TimeSpan.FromSeconds(60), ConnectTimeout = TimeSpan.FromSeconds(30) };
        ActorSystem system = ActorSystem.Create("fleet", Akka.Configuration.ConfigurationFactory.ParseString("akka.loglevel = OFF\nakka.stdout-loglevel = OFF\nakka.log-dead-letters = off").WithFallback(SessionPersistenceConfig.Build(options)));
        ResilienceRuntime runtime = ResilienceRuntime.Start(system, new ResilienceOptions());

        // The shipped session settings: backoff 1-30 s with 20 % jitter, breaker 15 in 5 minutes.
        var kind = new UnitKindOptions(SessionGateway.Kind, _ => Props.Empty)
        {
            Breaker = new CircuitBreakerOptions { MaxFailures = 15, Window = TimeSpan.FromMinutes(5), ResetTimeout = TimeSpan.FromMinutes(10) },
        };
        SessionGateway gateway = SessionGateway.StartAsync(system, runtime, options, kind).GetAwaiter().GetResult();
        return new SessionFleet(system, new SessionOperations(gateway), dir);
    }

    /// <summary>Starts <paramref name="n"/> sessions and waits until each says ready.</summary>
    public void Connect(int n)
    {
        const int Parallel = 200;
        for (int start = 0; start < n; start += Parallel)
        {
            Task<object>[] asks = Enumerable.Range(start, Math.Min(Parallel, n - start)).Select(i => Ops.GetQrCode($"s{i:D5}")).ToArray();
            Task.WaitAll(asks);
            foreach (Task<object> a in asks)
            {
                if (a.Result is not SessionStatus { State: "ready" })
                {
                    throw new InvalidOperationException($"a session did not become ready: {a.Result}");
                }
            }
        }
    }

    public void Dispose()
    {
        System.Terminate().Wait(TimeSpan.FromSeconds(60));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still open at exit stays in the temp folder.
        }
    }
}
