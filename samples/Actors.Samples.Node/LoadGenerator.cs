using Actors.Resilience.Memory;
using Akka.Event;
using Actors.Resilience.Units;

namespace Actors.Samples.Node;

/// <summary>
/// Sends <c>batch</c> requests to random instances of kind <c>flaky</c> every <c>interval</c>, through
/// <c>/user/units</c>, and counts the one typed outcome each gets: done, worker failed, circuit open, buffer overflow,
/// overloaded, unknown kind, or (never answered) dead-lettered. It never waits for an answer, so a failing instance slows nothing down.
/// </summary>
internal sealed class LoadGenerator : ReceiveActor, IWithTimers
{
    private const string Kind = "flaky";
    private readonly IActorRef _units;
    private readonly int _instances;
    private readonly int _batch;
    private long _sent;
    private long _done;
    private long _workerFailed;
    private long _circuitOpen;
    private long _overflow;
    private long _overloaded;
    private long _unknownKind;
    private long _deadLettered;

    public LoadGenerator(IActorRef units, int instances, int batch, TimeSpan interval)
    {
        _units = units;
        _instances = instances;
        _batch = batch;
        Receive<Tick>(_ => Send());
        Receive<Done>(_ => _done++);
        Receive<UnitWorkerFailed>(_ => _workerFailed++);
        Receive<CircuitOpen>(_ => _circuitOpen++);
        Receive<UnitBufferOverflow>(_ => _overflow++);
        Receive<Overloaded>(_ => _overloaded++);
        Receive<UnknownUnitKind>(_ => _unknownKind++);
        Receive<DeadLetter>(d =>
        {
            if (d.Message is Work && Self.Equals(d.Sender))
            {
                _deadLettered++;
            }
        });
        Receive<GetLoadTotals>(q =>
        {
            if (q.Stop)
            {
                Timers.CancelAll();
            }

            Sender.Tell(new LoadTotals(_sent, _done, _workerFailed, _circuitOpen, _overflow, _overloaded, _unknownKind, _deadLettered));
        });

        // Every instance gets a first message, so all of them exist from the start.
        Receive<StartLoad>(_ =>
        {
            for (int i = 0; i < _instances; i++)
            {
                Tell(i);
            }

            Timers.StartPeriodicTimer("load", Tick.Instance, interval);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static string Id(int i) => $"flaky-{i:D4}";

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(DeadLetter));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void Send()
    {
        for (int i = 0; i < _batch; i++)
        {
            Tell(Random.Shared.Next(_instances));
        }
    }

    private void Tell(int instance) => _units.Tell(new UnitMessage(Kind, Id(instance), new Work(++_sent)), Self);

    private sealed record Tick
    {
        public static Tick Instance { get; } = new();
    }
}
