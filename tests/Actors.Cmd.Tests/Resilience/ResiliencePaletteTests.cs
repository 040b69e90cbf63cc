using Actors.Cmd.Tests.Support;
using Actors.Resilience;
using Xunit.Abstractions;

namespace Actors.Cmd.Tests.Resilience;

public sealed class ResiliencePaletteTests(ITestOutputHelper output) : CmdTestBase(output)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        ResiliencePalettes.Register(Server, ResilienceRuntime.Start(Sys));
    }

    [Theory]
    [InlineData("health", "summary")]
    [InlineData("health", "detailed")]
    [InlineData("errors", "tail")]
    [InlineData("errors", "stats")]
    [InlineData("memory", "get")]
    public async Task ReadOnlyOperations_RunThroughTheSharedOperationObjects(string palette, string command)
    {
        await using ICmdClient client = await ConnectAsync();
        IReadOnlyList<CmdResponse> r = await RunAsync(client, palette, command);
        Assert.True(r[^1].Kind == CmdResponseKind.Done, r[^1].Text);
        Assert.NotNull(r[0].Data);
        Assert.False(string.IsNullOrEmpty(r[0].Text));
    }

    [Fact]
    public async Task UnitsList_UnknownKind_NotFound()
    {
        await using ICmdClient client = await ConnectAsync();
        CmdResponse r = Assert.Single(await RunAsync(client, "units", "list", ("kind", "nosuch")));
        Assert.Equal(CmdErrorCodes.NotFound, r.ErrorCode);
    }

    [Fact]
    public async Task MemoryCleanup_ServerWithoutToken_RefusedWithHowToSetOne()
    {
        await using ICmdClient client = await ConnectAsync();
        CmdResponse r = Assert.Single(await RunAsync(client, "memory", "cleanup"));
        Assert.Equal(CmdErrorCodes.AuthenticationRequired, r.ErrorCode);
        Assert.Contains("actors.cmd.token", r.Text, StringComparison.Ordinal);
    }
}
