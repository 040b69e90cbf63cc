// A node with a few actors and the command server, for trying pbm:
//   dotnet run --project samples/Actors.Samples.Cmd            (listens on 127.0.0.1:9110)
//   dotnet run --project src/Actors.Cmd.Cli -- actor hierarchy
using Actors;
using Actors.Cmd;
using Actors.Hocon;
using Actors.Samples.Cmd;

int port = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : CmdProtocol.DefaultPort;
Config config = ConfigurationFactory.ParseString($$"""
    actors.cmd { host = 127.0.0.1, port = {{port}} }
    orders { db { host = db.internal, password = hunter2 }, api-key = abc123, batch-size = 50 }
    """, "sample.conf");

using ActorSystem system = ActorSystem.Create("orders-node", new ActorSystemOptions { StdoutLogger = false });
IActorRef orders = system.ActorOf(Props.Create(() => new OrdersActor()), "orders");
for (int i = 0; i < 3; i++)
{
    orders.Tell(new PlaceOrder($"order-{i}"));
}

orders.Tell(new PlaceOrder("poison"));

CommandServer server = await CommandServer.StartAsync(system, CmdServerOptions.FromConfig(config));

// A custom palette is a few lines: a name, commands, arguments and a handler.
server.Register(new CommandPaletteBuilder("orders", "The sample's order book")
    .AddCommand("place", "Places an order", ctx =>
    {
        orders.Tell(new PlaceOrder(ctx.GetString("id")!));
        ctx.WriteLine($"order {ctx.GetString("id")} placed");
        return Task.CompletedTask;
    }, ArgumentDescriptor.Option("id", "-i", "The order id", mandatory: true))
    .AddCommand("count", "How many orders were placed", async ctx =>
    {
        int count = await orders.Ask<int>(CountOrders.Instance, TimeSpan.FromSeconds(5), ctx.CancellationToken);
        ctx.Write($"{count} orders", new { count });
    })
    .Build());

Console.WriteLine($"orders-node: pbm endpoint {server.Endpoint}; Ctrl+C to stop.");
var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
await Task.WhenAny(stop.Task, system.WhenTerminated);
await system.Terminate();
