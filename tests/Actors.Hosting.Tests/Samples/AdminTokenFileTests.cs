using Actors.Samples.Node;

namespace Actors.Hosting.Tests.Samples;

/// <summary>The node's admin token when none is configured: made once, kept in ./data, read back on every start.</summary>
public sealed class AdminTokenFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("actors-token-").FullName;

    [Fact]
    public void ReadOrCreate_NoFile_MakesOneReadableByTheOwnerOnlyAndReadsItBack()
    {
        string path = Path.Combine(_directory, "data", "admin-token");

        string first = AdminTokenFile.ReadOrCreate(path, out bool made);
        string second = AdminTokenFile.ReadOrCreate(path, out bool madeAgain);

        Assert.True(made);
        Assert.False(madeAgain);
        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{32}$", first);
        Assert.Equal(first, File.ReadAllText(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("has a space inside it, so not a token")]
    public void ReadOrCreate_UnusableFile_Replaced(string content)
    {
        string path = Path.Combine(_directory, "admin-token");
        File.WriteAllText(path, content);

        string token = AdminTokenFile.ReadOrCreate(path, out bool made);

        Assert.True(made);
        Assert.Matches("^[0-9a-f]{32}$", token);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
