using Actors.Event;

namespace Actors.Samples.Host;

/// <summary>Logs each price as a structured event (Symbol, Price, Sequence, plus ActorPath and MessageType).</summary>
internal sealed class PricePrinter : UntypedActor
{
    private ILoggingAdapter Log => Context.GetLogger();

    protected override void OnReceive(object message)
    {
        if (message is Price p)
        {
            Log.Info("Price {Symbol} {Price} (#{Sequence})", p.Symbol, p.Value, p.Sequence);
        }
    }
}
