using Actors.Event;

namespace Actors.Samples.Host;

/// <summary>Sends a simulated price to the printer at a fixed interval.</summary>
internal sealed class Ticker(IActorRef printer, TimeSpan interval) : UntypedActor
{
    private ILoggingAdapter Log => Context.GetLogger();
    private ICancelable? _timer;
    private decimal _price = 100m;
    private int _tick;

    protected override void PreStart()
    {
        Log.Info("Ticker started, one price every {Interval}", interval);
        _timer = Context.System.Scheduler.ScheduleTellRepeatedlyCancelable(interval, interval, Self, Tick.Instance, Self);
    }

    protected override void PostStop() => _timer?.Cancel();

    protected override void OnReceive(object message)
    {
        if (message is Tick)
        {
            _tick++;
            _price += (_tick % 3 == 0 ? -1.5m : 0.75m);
            printer.Tell(new Price("BTC-USD", _price, _tick));
        }
    }

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }
}
