using Actors.Cmd;
using SkiaSharp;

namespace Actors.Prediction.Tests.Hosting;

public sealed class PredictPaletteTests
{
    [Fact]
    public async Task Pbm_SubmitThenJobs_SameOperationsAsHttp()
    {
        await using PredictionHost host = await PredictionHost.StartAsync();
        string path = Path.Combine(host.Folder, "page.png");
        await File.WriteAllBytesAsync(path, PredictionTestKit.SolidImage(40, 20, new SKColor(255, 51, 0)));
        CommandServer server = CommandServer.Get(host.System)!;
        await using ICmdClient client = await CmdClient.ConnectAsync(new CmdClientOptions { Host = "127.0.0.1", Port = server.Endpoint.Port, Token = PredictionHost.Token });

        IReadOnlyList<CmdResponse> submitted = await client.ExecuteToListAsync("predict", "submit", new Dictionary<string, string?> { ["file"] = path });
        string submitText = string.Join("\n", submitted.Select(r => r.Text));
        Assert.Contains(": a (a 1, b 0.7) on tiny", submitText, StringComparison.Ordinal);

        IReadOnlyList<CmdResponse> missing = await client.ExecuteToListAsync("predict", "submit", new Dictionary<string, string?> { ["file"] = Path.Combine(host.Folder, "nope.png") });
        Assert.Contains("no file", string.Join("\n", missing.Select(r => r.Text)), StringComparison.Ordinal);

        IReadOnlyList<CmdResponse> jobs = await client.ExecuteToListAsync("predict", "jobs", new Dictionary<string, string?> { ["limit"] = "5" });
        string jobsText = string.Join("\n", jobs.Select(r => r.Text));
        Assert.Contains("succeeded", jobsText, StringComparison.Ordinal);
        Assert.Contains("1 of 1 jobs held shown", jobsText, StringComparison.Ordinal);
    }
}
