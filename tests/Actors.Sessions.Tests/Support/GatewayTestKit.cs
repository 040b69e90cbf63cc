using Actors.Resilience;
using Actors.Resilience.Breaker;
using Actors.Resilience.Units;
using Actors.Samples.Upstream;
using Actors.Sessions.Configuration;
using Actors.Sessions.Operations;
using Actors.Sessions.Outbox;

namespace Actors.Sessions.Tests.Support;

/// <summary>
/// An actor system with the resilience layer and a session gateway on a temporary SQLite journal, talking to the
/// sample upstream started in-process on a random loopback port.
/// </summary>
public abstract class GatewayTestKit : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    protected GatewayTestKit(bool virtualTime, Action<SessionOptions>? configure = null)
        : this(Prepare(configure), virtualTime)
    {
    }

    private GatewayTestKit(SessionOptions options, bool virtualTime)
        : base(SessionTestConfig.Akka(options, virtualTime))
    {
        Options = options;
    }

    protected SessionOptions Options { get; }

    protected UpstreamServer Upstream { get; private set; } = null!;

    protected SessionGateway Gateway { get; private set; } = null!;

    protected SessionOperations Ops { get; private set; } = null!;

    /// <summary>The kind's settings for this test class (defaults: backoff 20-100 ms, shipped breaker, no passivation).</summary>
    protected virtual void ConfigureKind(UnitKindOptions kind)
    {
    }

    public async Task InitializeAsync()
    {
        Upstream = await UpstreamServer.StartAsync();
        Options.Upstream = Upstream.WebSocketUrl;
        ResilienceRuntime runtime = ResilienceRuntime.Start(Sys, new ResilienceOptions());
        var kind = new UnitKindOptions(SessionGateway.Kind, _ => Props.Empty)
        {
            MinBackoff = TimeSpan.FromMilliseconds(20),
            MaxBackoff = TimeSpan.FromMilliseconds(100),
            PassivateAfter = null,
            Breaker = new CircuitBreakerOptions { MaxFailures = 15, Window = TimeSpan.FromMinutes(5), ResetTimeout = TimeSpan.FromMinutes(10) },
        };
        ConfigureKind(kind);
        Gateway = await SessionGateway.StartAsync(Sys, runtime, Options, kind);
        Ops = new SessionOperations(Gateway);
    }

    public async Task DisposeAsync()
    {
        await Sys.Terminate();
        await Upstream.DisposeAsync();
    }

    /// <summary>Queues <paramref name="n"/> messages for <paramref name="id"/>; returns the accepted keys.</summary>
    protected async Task<List<string>> SendMany(string id, int n, string prefix = "m")
    {
        var keys = new List<string>(n);
        for (int i = 0; i < n; i++)
        {
            SendAccepted a = Assert.IsType<SendAccepted>(await Ops.Send(id, "+4915100000", $"{prefix} {i}", $"{id}-{prefix}-{i:D5}"));
            keys.Add(a.Key);
        }

        return keys;
    }

    /// <summary>Waits until the outbox of <paramref name="id"/> has delivered <paramref name="n"/> messages in all.</summary>
    protected Task AwaitDelivered(string id, int n) =>
        AwaitAssertAsync(async () => Assert.Equal(n, (await Ops.QueueStatus(id)).DeliveredTotal), Timeout, TimeSpan.FromMilliseconds(50));

    private static SessionOptions Prepare(Action<SessionOptions>? configure)
    {
        SessionOptions options = SessionTestConfig.SqliteOptions();
        options.ConnectTimeout = TimeSpan.FromSeconds(5);
        configure?.Invoke(options);
        return options;
    }
}
