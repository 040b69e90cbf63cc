using Akka.Actor;
using Akka.Event;

namespace Actors.Samples.Host;

/// <summary>Sends a simulated price to the printer at a fixed interval, on a timer of Akka's scheduler.</summary>
internal sealed class Ticker : UntypedActor, IWithTimers
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IActorRef _printer;
    private readonly TimeSpan _interval;
    private decimal _price = 100m;
    private int _tick;

    public Ticker(IActorRef printer, TimeSpan interval)
    {
        _printer = printer;
        _interval = interval;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        _log.Info("Ticker started, one price every {Interval}", _interval);
        Timers.StartPeriodicTimer("tick", Tick.Instance, _interval);
    }

    protected override void OnReceive(object message)
    {
        if (message is Tick)
        {
            _tick++;
            _price += _tick % 3 == 0 ? -1.5m : 0.75m;
            _printer.Tell(new Price("BTC-USD", _price, _tick));
        }
    }

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }
}
