// A node with a few actors and the command server, for trying pbm:
//   dotnet run -c Release --project samples/Actors.Samples.Cmd              (listens on 127.0.0.1:9110, token "sample-token")
//   dotnet run -c Release --project src/Actors.Cmd.Cli -- actor hierarchy -p /user
//   dotnet run -c Release --project src/Actors.Cmd.Cli -- --token sample-token orders place -i o-42
// Usage: Actors.Samples.Cmd [port]   (0 picks a free port)
using System.Globalization;
using Actors.Cmd;
using Actors.Samples.Cmd;
using Akka.Actor;
using Akka.Configuration;

int port = CmdProtocol.DefaultPort;
if (args.Length > 1 || (args.Length == 1 && (!int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)))
{
    Console.Error.WriteLine("usage: Actors.Samples.Cmd [port]   (a port 0..65535; 0 picks a free one)");
    return 2;
}

// The actors.cmd section lives in the actor system's configuration, as it would in a node's settings file.
Config config = ConfigurationFactory.ParseString($$"""
    actors.cmd {
      host = 127.0.0.1
      port = {{port}}
      token = sample-token
    }
    orders {
      db {
        host = db.internal
        password = hunter2
      }
      api-key = abc123
      batch-size = 50
    }
    """);

using ActorSystem system = ActorSystem.Create("orders-node", config);
IActorRef orders = system.ActorOf(Props.Create(() => new OrdersActor()), "orders");
for (int i = 0; i < 3; i++)
{
    orders.Tell(new PlaceOrder($"order-{i}"));
}

orders.Tell(new PlaceOrder("poison"));

// A custom palette is a few lines: a name, commands, arguments and a handler. "place" changes the node, so it is
// registered as a mutating command: the server runs it only for clients holding the token.
CommandPalette ordersPalette = new CommandPaletteBuilder("orders", "The sample's order book")
    .AddMutatingCommand("place", "Places an order", ctx =>
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
    .Build();

CommandServer server;
try
{
    CmdServerOptions options = CmdServerOptions.FromConfig(system.Settings.Config);
    options.Palettes.Add(ordersPalette);
    options.ConfigOrigin = "Program.cs (inline HOCON)";
    server = await CommandServer.StartAsync(system, options);
}
catch (CmdServerConfigurationException e)
{
    Console.Error.WriteLine($"orders-node: {e.Message}");
    return 78;
}

Console.WriteLine($"orders-node: pbm endpoint {server.Endpoint} (token sample-token for orders place); Ctrl+C to stop.");
var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
await Task.WhenAny(stop.Task, system.WhenTerminated);
await system.Terminate();
return 0;
