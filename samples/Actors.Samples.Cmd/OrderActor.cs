using Akka.Actor;

namespace Actors.Samples.Cmd;

/// <summary>One order; an order named "poison" crashes it.</summary>
internal sealed class OrderActor : ReceiveActor
{
    public OrderActor() => Receive<PlaceOrder>(o =>
    {
        if (o.Id == "poison")
        {
            throw new InvalidOperationException($"order {o.Id} is invalid");
        }
    });
}
