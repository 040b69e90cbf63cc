using System.Text.Json;
using Actors.Cmd.Tests.Support;
using Xunit.Abstractions;

namespace Actors.Cmd.Tests.Protocol;

public sealed class ProtocolTests(ITestOutputHelper output) : CmdTestBase(output)
{
    [Fact]
    public async Task Handshake_RawFrames_WelcomeNamesNodeAndVersion()
    {
        using RawClient raw = await RawAsync();
        await raw.SendJsonAsync("""{"type":"hello","version":1,"client":"raw"}""");
        JsonElement welcome = (await raw.ReadAsync())!.Value;
        Assert.Equal("welcome", welcome.GetProperty("type").GetString());
        Assert.Equal(CmdProtocol.Version, welcome.GetProperty("version").GetInt32());
        Assert.Equal(Sys.Name, welcome.GetProperty("node").GetString());
        Assert.False(welcome.GetProperty("authenticated").GetBoolean());
    }

    [Fact]
    public async Task Exec_RawFrames_OutputThenDoneWithSameId()
    {
        using RawClient raw = await RawAsync();
        await raw.HelloAsync();
        await raw.SendJsonAsync("""{"type":"exec","id":7,"palette":"system","command":"info","args":{}}""");
        JsonElement first = (await raw.ReadAsync())!.Value;
        JsonElement last = (await raw.ReadAsync())!.Value;
        Assert.Equal("output", first.GetProperty("type").GetString());
        Assert.Equal(7, first.GetProperty("id").GetInt64());
        Assert.Equal(Sys.Name, first.GetProperty("data").GetProperty("system").GetString());
        Assert.Equal("done", last.GetProperty("type").GetString());
        Assert.False(last.GetProperty("cancelled").GetBoolean());
    }

    [Fact]
    public async Task Hello_WrongVersion_FatalErrorAndClose()
    {
        using RawClient raw = await RawAsync();
        await raw.SendJsonAsync("""{"type":"hello","version":99}""");
        List<JsonElement> frames = await raw.ReadToEndAsync();
        JsonElement error = Assert.Single(frames);
        Assert.Equal(CmdErrorCodes.UnsupportedVersion, error.GetProperty("code").GetString());
        Assert.True(error.GetProperty("fatal").GetBoolean());
    }

    [Fact]
    public async Task GetPalettes_BuiltIns_DescribeCommandsSwitchesAndDefaults()
    {
        await using ICmdClient client = await ConnectAsync();
        IReadOnlyList<PaletteDescriptor> palettes = await client.GetPalettesAsync().WaitAsync(Timeout);
        Assert.Equal(["actor", "log", "system"], palettes.Select(p => p.Name));
        CommandDescriptor hierarchy = palettes[0].FindCommand("hierarchy")!;
        ArgumentDescriptor depth = hierarchy.FindBySwitch("-d")!;
        Assert.Equal("depth", depth.Name);
        Assert.Equal("0", depth.DefaultValue);
        Assert.True(palettes[0].FindCommand("stat")!.FindBySwitch("--path")!.IsMandatory);
        Assert.True(palettes[1].FindCommand("tail")!.IsStreaming);
        Assert.Equal("peek", palettes[1].DefaultCommand);
    }

    [Fact]
    public async Task Register_AtRunTime_ClientsSeeAndRunIt_UnregisterRemovesIt()
    {
        await using ICmdClient client = await ConnectAsync();
        Server.Register(new CommandPaletteBuilder("greet", "Greetings")
            .AddCommand("hello", "Says hello", ctx =>
            {
                ctx.Write($"hello {ctx.GetString("name")}", new { name = ctx.GetString("name") });
                return Task.CompletedTask;
            }, ArgumentDescriptor.Option("name", "-n", "Who", defaultValue: "world"))
            .Build());
        Assert.Contains(await client.GetPalettesAsync(), p => p.Name == "greet");
        IReadOnlyList<CmdResponse> responses = await RunAsync(client, "greet", "hello", ("name", "ops"));
        Assert.Equal("hello ops", responses[0].Text);
        Assert.Equal(CmdResponseKind.Done, responses[^1].Kind);
        Assert.True(Server.Unregister("greet"));
        CmdResponse gone = Assert.Single(await RunAsync(client, "greet", "hello"));
        Assert.Equal(CmdErrorCodes.UnknownPalette, gone.ErrorCode);
    }

    [Theory]
    [InlineData("nope", "x", CmdErrorCodes.UnknownPalette)]
    [InlineData("actor", "nope", CmdErrorCodes.UnknownCommand)]
    [InlineData("actor", "stat", CmdErrorCodes.BadArguments)]
    public async Task Exec_Invalid_DistinctErrorResponse_ConnectionStaysUsable(string palette, string command, string code)
    {
        await using ICmdClient client = await ConnectAsync();
        CmdResponse error = Assert.Single(await RunAsync(client, palette, command));
        Assert.Equal(CmdResponseKind.Error, error.Kind);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(CmdResponseKind.Done, (await RunAsync(client, "system", "info"))[^1].Kind);
    }

    [Fact]
    public async Task Exec_HandlerThrows_CommandFailedError()
    {
        Server.Register(new CommandPaletteBuilder("bad", "Fails")
            .AddCommand("boom", "Throws", _ => throw new InvalidOperationException("kaput"))
            .Build());
        await using ICmdClient client = await ConnectAsync();
        CmdResponse error = Assert.Single(await RunAsync(client, "bad", "boom"));
        Assert.Equal(CmdErrorCodes.CommandFailed, error.ErrorCode);
        Assert.Contains("kaput", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseCommandLine_DefaultCommandAndSwitches_Resolved()
    {
        PaletteDescriptor log = new CommandPaletteBuilder("log", "x")
            .AddCommand("peek", "p", _ => Task.CompletedTask, ArgumentDescriptor.Option("count", "-n", "c", "50"))
            .WithDefaultCommand("peek").Build().Descriptor;
        var (palette, command, args) = CmdClientExtensions.ParseCommandLine([log], ["log", "-n", "3"]);
        Assert.Equal(("log", "peek", "3"), (palette, command.Name, args["count"]));
        var (_, _, withEquals) = CmdClientExtensions.ParseCommandLine([log], ["log", "peek", "--count=9"]);
        Assert.Equal("9", withEquals["count"]);
        Assert.Equal(CmdErrorCodes.BadArguments, Assert.Throws<CommandException>(() => CmdClientExtensions.ParseCommandLine([log], ["log", "peek", "-x"])).Code);
    }
}
