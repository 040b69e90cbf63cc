using Akka.Actor;
using Akka.Event;

namespace Actors.Samples.Cmd;

/// <summary>Places orders in child actors; an order named "poison" crashes its child once.</summary>
internal sealed class OrdersActor : ReceiveActor
{
    private readonly ILoggingAdapter _log;
    private int _count;

    public OrdersActor()
    {
        _log = Context.System.Log;
        Receive<PlaceOrder>(o =>
        {
            _count++;
            IActorRef child = Context.Child(o.Id) is { } c && !c.IsNobody() ? c : Context.ActorOf(Props.Create(() => new OrderActor()), o.Id);
            child.Tell(o);
            _log.Info("Order {0} placed", o.Id);
        });
        Receive<CountOrders>(_ => Sender.Tell(_count));
    }
}
