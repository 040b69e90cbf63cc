using System.Runtime.CompilerServices;
using Actors.Resilience;
using Actors.Resilience.Units;
using Actors.Sessions.Configuration;
using Actors.Sessions.Outbox;
using Actors.Sessions.Worker;
using Akka.Event;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace Actors.Sessions;

/// <summary>
/// The running session gateway of an actor system: the <c>session</c> unit kind (a WebSocket worker per instance
/// under its supervisor and breaker) and the outboxes' parent (<c>/user/session-outboxes</c>). In a host,
/// <c>WithSessions</c> starts it; <see cref="StartAsync"/> starts it by hand.
/// </summary>
public sealed class SessionGateway
{
    /// <summary>The unit kind of sessions.</summary>
    public const string Kind = "session";

    private static readonly ConditionalWeakTable<ActorSystem, SessionGateway> s_gateways = new();

    private SessionGateway(ActorSystem system, ResilienceRuntime runtime, SessionOptions options, IActorRef outboxes)
    {
        System = system;
        Runtime = runtime;
        Options = options;
        Outboxes = outboxes;
    }

    /// <summary>The actor system.</summary>
    public ActorSystem System { get; }

    /// <summary>The resilience layer the session units run under.</summary>
    public ResilienceRuntime Runtime { get; }

    /// <summary>The options in force.</summary>
    public SessionOptions Options { get; }

    /// <summary>The outboxes' parent.</summary>
    public IActorRef Outboxes { get; }

    /// <summary>
    /// Completes with the number of outboxes found in the journal and started at start-up (each recovers and, with
    /// messages pending, starts its session so they drain after a restart or a process kill).
    /// </summary>
    public Task<int> Recovered { get; private set; } = Task.FromResult(0);

    /// <summary>The gateway running in <paramref name="system"/>, if any.</summary>
    /// <param name="system">The actor system.</param>
    /// <returns>The gateway, or <see langword="null"/>.</returns>
    public static SessionGateway? Get(ActorSystem system) => s_gateways.TryGetValue(system, out SessionGateway? g) ? g : null;

    /// <summary>
    /// Starts the gateway: the outboxes' parent and the <c>session</c> unit kind. The system must have been created
    /// with <see cref="SessionPersistenceConfig.Build"/> in its configuration.
    /// </summary>
    /// <param name="system">The actor system.</param>
    /// <param name="runtime">Its resilience layer.</param>
    /// <param name="options">The options; <see cref="SessionOptions.Upstream"/> must be set.</param>
    /// <param name="kind">Breaker, backoff and passivation settings of the kind (e.g. read by
    /// <c>UnitKindConfig.Read(config, "session", ...)</c>); the shipped defaults when <see langword="null"/>.</param>
    /// <returns>The gateway.</returns>
    public static async Task<SessionGateway> StartAsync(ActorSystem system, ResilienceRuntime runtime, SessionOptions options, UnitKindOptions? kind = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Uri upstream = options.Upstream ?? throw new ArgumentException("SessionOptions.Upstream is not set: set actors.sessions.upstream to the upstream's ws:// address.", nameof(options));
        IActorRef outboxes = system.ActorOf(SessionOutboxes.Props(options, id => runtime.Tell(new UnitMessage(Kind, id, SessionWake.Instance), ActorRefs.NoSender)), "session-outboxes");
        var unit = new UnitKindOptions(Kind, id => SessionWorker.Props(id, options, upstream, outboxes));
        if (kind is not null)
        {
            unit.MinBackoff = kind.MinBackoff;
            unit.MaxBackoff = kind.MaxBackoff;
            unit.RandomFactor = kind.RandomFactor;
            unit.MaxRetries = kind.MaxRetries;
            unit.BackoffResetAfter = kind.BackoffResetAfter;
            unit.Breaker = kind.Breaker;
            unit.PassivateAfter = kind.PassivateAfter;
            unit.Critical = kind.Critical;
            unit.BufferCapacity = kind.BufferCapacity;
            unit.LoadReportInterval = kind.LoadReportInterval;
        }

        // A session counts as running only once the upstream says ready.
        unit.ReadyOnStart = false;
        unit.Validate();
        await runtime.RegisterUnitKindAsync(unit).ConfigureAwait(false);
        var gateway = new SessionGateway(system, runtime, options, outboxes);
        s_gateways.AddOrUpdate(system, gateway);
        gateway.Recovered = RecoverOutboxesAsync(system, outboxes);
        return gateway;
    }

    private static async Task<int> RecoverOutboxesAsync(ActorSystem system, IActorRef outboxes)
    {
        const string Prefix = "session-outbox-";
        int started = 0;
        try
        {
            SqlReadJournal journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>("akka.persistence.query.journal.sql");
            await journal.CurrentPersistenceIds()
                .Where(id => id.StartsWith(Prefix, StringComparison.Ordinal))
                .RunForeach(
                    id =>
                    {
                        started++;
                        outboxes.Tell(new OutboxEnvelope(id[Prefix.Length..], StartOutbox.Instance));
                    },
                    system.Materializer())
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The journal is unreachable now: outboxes still start on their next message; say so.
            system.Log.Error(e, "Sessions: listing the outboxes in the journal failed; outboxes with pending messages start on their next message.");
        }

        return started;
    }
}
