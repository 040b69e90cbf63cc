// The sample exchange, standalone: dotnet run --project samples/Exchange -c Release -- --port 9200
// Then: ws://127.0.0.1:9200/ws (subscribe {"op":"subscribe","args":["tickers.BTCUSDT"]}) and
// curl -X POST http://127.0.0.1:9200/control/drop (drop, stall, garbage, skip, refuse, burst; ?count=N).
using System.Globalization;
using System.Runtime.InteropServices;
using Actors.Samples.Exchange;

var options = new ExchangeOptions();
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--port" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is >= 0 and <= 65535)
    {
        options.Port = port;
        i++;
    }
    else if (args[i] == "--interval-ms" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int ms) && ms > 0)
    {
        options.Interval = TimeSpan.FromMilliseconds(ms);
        i++;
    }
    else
    {
        await Console.Error.WriteLineAsync($"error: unexpected argument '{args[i]}'\nusage: Exchange [--port N (0-65535, 0 = free port)] [--interval-ms N (> 0)]");
        return 2;
    }
}

await using ExchangeServer server = await ExchangeServer.StartAsync(options);
Console.WriteLine($"exchange: stream {server.WebSocketUrl}, control {server.Url}control/{{drop|stall|garbage|skip|refuse|burst}}?count=N, stats {server.Url}control/stats; Ctrl+C stops");
using var done = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    done.Cancel();
};
using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
{
    c.Cancel = true;
    done.Cancel();
});
try
{
    await Task.Delay(Timeout.Infinite, done.Token);
}
catch (OperationCanceledException)
{
}

return 0;
