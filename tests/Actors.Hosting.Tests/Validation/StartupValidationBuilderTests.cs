using System.Net;
using System.Net.Sockets;
using Actors.Hocon;
using Actors.Hosting.Validation;

namespace Actors.Hosting.Tests.Validation;

public sealed class StartupValidationBuilderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("actors-hosting-tests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static int RefusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task ValidateAsync_SeveralProblems_ReportsAllTogether()
    {
        string missingVar = $"ACTORS_TEST_MISSING_{Guid.NewGuid():N}";
        string keyVar = $"ACTORS_TEST_KEY_{Guid.NewGuid():N}";
        string secretVar = $"ACTORS_TEST_SECRET_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(keyVar, "abc");
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        int busyPort = ((IPEndPoint)busy.LocalEndpoint).Port;
        int refused = RefusedPort();
        string missingDir = Path.Combine(_dir, "missing");
        try
        {
            var validation = new StartupValidationBuilder()
                .RequireEnvironmentVariable(missingVar)
                .RequireEnvironmentVariables([keyVar, secretVar], unlessFlag: "ACTORS_TEST_TESTNET_UNSET")
                .RequireDirectory(_dir)
                .RequireDirectory(missingDir)
                .RequireFreePort(busyPort)
                .RequireReachable("127.0.0.1", refused, TimeSpan.FromSeconds(5), "database")
                .RequireReachable(new Uri($"http://127.0.0.1:{refused}/health"), TimeSpan.FromSeconds(5), "upstream")
                .RequireSetting("exchange.endpoint")
                .RequireSetting("exchange.timeout", (c, p) => c.GetTimeSpan(p));
            Config config = ConfigurationFactory.ParseString("exchange {\n  timeout = fast\n}", "node.conf");

            IReadOnlyList<StartupProblem> problems = await validation.ValidateAsync(new StartupValidationContext(config));

            Assert.Collection(
                problems,
                p => Assert.Equal($"environment variable {missingVar}", p.Check),
                p => Assert.Contains($"while {keyVar} is", p.Problem, StringComparison.Ordinal),
                p => Assert.Contains("does not exist", p.Problem, StringComparison.Ordinal),
                p => Assert.Contains($"{busyPort}", p.Check, StringComparison.Ordinal),
                p => Assert.StartsWith("database", p.Check, StringComparison.Ordinal),
                p => Assert.StartsWith("upstream", p.Check, StringComparison.Ordinal),
                p => Assert.Equal("setting exchange.endpoint", p.Check),
                p => Assert.Contains("node.conf:2:", p.Problem, StringComparison.Ordinal));
            Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Remedy)));
            string report = new StartupValidationException(problems).Message;
            Assert.Contains("8 problems", report, StringComparison.Ordinal);
            Assert.Contains("Fix:", report, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(keyVar, null);
        }
    }

    [Fact]
    public async Task ValidateAsync_TestnetFlag_WaivesCredentials()
    {
        string flag = $"ACTORS_TEST_TESTNET_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(flag, "true");
        try
        {
            var validation = new StartupValidationBuilder().RequireEnvironmentVariables(["ACTORS_TEST_NO_KEY", "ACTORS_TEST_NO_SECRET"], flag);

            Assert.Empty(await validation.ValidateAsync(new StartupValidationContext(ConfigurationFactory.Empty)));
        }
        finally
        {
            Environment.SetEnvironmentVariable(flag, null);
        }
    }

    private sealed record Settings(int Port, string Name);

    [Fact]
    public void OptionalCorruptJsonFile_MovedAside_DefaultsUsed()
    {
        string file = Path.Combine(_dir, "settings.json");
        File.WriteAllText(file, "{\n  \"port\": 80,\n  \"name\": oops\n}");

        Settings settings = SettingsFile.LoadJson(file, optional: true, () => new Settings(1, "default"));

        Assert.Equal(new Settings(1, "default"), settings);
        Assert.False(File.Exists(file));
        Assert.Single(Directory.GetFiles(_dir, "settings.json.corrupted.*"));
    }

    [Fact]
    public void RequiredCorruptJsonFile_ThrowsWithPosition()
    {
        string file = Path.Combine(_dir, "settings.json");
        File.WriteAllText(file, "{\n  \"port\": 80,\n  \"name\": oops\n}");

        var e = Assert.Throws<SettingsFileException>(() => SettingsFile.LoadJson(file, optional: false, () => new Settings(1, "default")));

        Assert.StartsWith($"{file}:3:", e.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(file));
    }
}
