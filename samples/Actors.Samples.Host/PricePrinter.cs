using Akka.Actor;
using Akka.Event;

namespace Actors.Samples.Host;

/// <summary>Logs each price as a structured event (Symbol, Price, Sequence, plus the actor's path).</summary>
internal sealed class PricePrinter : UntypedActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();

    protected override void OnReceive(object message)
    {
        if (message is Price p)
        {
            _log.Info("Price {Symbol} {Price} (#{Sequence})", p.Symbol, p.Value, p.Sequence);
        }
    }
}
