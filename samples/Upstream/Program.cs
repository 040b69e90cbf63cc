// The sample session upstream, standalone: dotnet run --project samples/Upstream -- --port 5090
using System.Globalization;
using Actors.Samples.Upstream;

int port = 5090;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--port" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p is >= 0 and <= 65535)
    {
        port = p;
        i++;
    }
    else
    {
        await Console.Error.WriteLineAsync($"error: unknown or invalid argument [{args[i]}]; usage: Upstream [--port N] (N from 0 to 65535; 0 picks a free port)");
        return 2;
    }
}

await using UpstreamServer server = await UpstreamServer.StartAsync(port);
Console.WriteLine($"upstream: sessions at {server.WebSocketUrl}?instance_id=<id>, control and stats at {server.HttpUrl} (GET /stats, GET /keys?instance_id=); Ctrl+C stops");
var stopped = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopped.TrySetResult();
};
await stopped.Task;
return 0;
