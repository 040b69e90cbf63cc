using Actors.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Actors.Hosting.Tests.Configuration;

/// <summary>AddStrictHoconFile on a real host: what Akka and our extensions read, errors, unknown keys, overrides.</summary>
public sealed class StrictHoconFileTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task AddStrictHoconFile_ValidFile_AkkaAndResilienceReadItsValues()
    {
        string path = _files.Write("node.conf", "akka.log-dead-letters = 7\nactors {\n  errors.capacity = 42\n  units.orders.breaker.max-failures = 2\n}\n");
        await using TestHost host = TestHost.Build(a => a
            .AddStrictHoconFile(path, o => o.Console = null)
            .WithResilience()
            .WithUnitKind("orders", id => Props.Create(() => new EchoWorker(id))));

        await host.StartAsync();

        Assert.Equal(7, host.System.Settings.LogDeadLetters);
        ResilienceRuntime runtime = ResilienceRuntime.Get(host.System)!;
        Assert.Equal(42, runtime.Options.Errors.Capacity);
        Assert.Equal(2, Assert.Single(runtime.Options.Kinds).Breaker.MaxFailures);
    }

    [Fact]
    public async Task RunWithExitCode_MalformedRequiredFile_Returns78WithFileLineOnConsoleAndNoActorSystem()
    {
        string path = _files.Write("node.conf", "actors {\n  errors.capacity = 42\n  broken = [1, 2\n");
        bool started = false;
        await using TestHost host = TestHost.Build(a => a
            .AddStrictHoconFile(path, o => o.Console = null)
            .WithActors((_, _) => started = true));

        int code = await host.RunAsync();

        Assert.Equal(ActorsExitCodes.ConfigurationInvalid, code);
        Assert.False(started);
        string console = host.Console.ToString();
        Assert.Contains("exit code 78", console, StringComparison.Ordinal);
        Assert.Matches(@"node\.conf:\d+:\d+", console);
        Assert.DoesNotContain("   at ", console, StringComparison.Ordinal);
        CapturingLoggerProvider.Entry logged = Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Critical);
        Assert.Matches(@"node\.conf:\d+:\d+", logged.Message);
        Assert.Null(logged.Exception);
    }

    [Fact]
    public async Task RunWithExitCode_ValueOfWrongType_Returns78NamingFileLineAndPath()
    {
        string path = _files.Write("node.conf", "actors {\n  errors {\n    capacity = lots\n  }\n}\n");
        await using TestHost host = TestHost.Build(a => a.AddStrictHoconFile(path, o => o.Console = null).WithResilience());

        int code = await host.RunAsync();

        Assert.Equal(ActorsExitCodes.ConfigurationInvalid, code);
        Assert.Contains("node.conf:3:", host.Console.ToString(), StringComparison.Ordinal);
        Assert.Contains("actors.errors.capacity", host.Console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunWithExitCode_MissingRequiredFile_Returns78NamingTheFile()
    {
        string path = Path.Combine(_files.Directory, "absent.conf");
        await using TestHost host = TestHost.Build(a => a.AddStrictHoconFile(path, o => o.Console = null));

        Assert.Equal(ActorsExitCodes.ConfigurationInvalid, await host.RunAsync());
        Assert.Contains("absent.conf", host.Console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddStrictHoconFile_UnknownKey_WarnedOnConsoleAndInTheLogWithClosestKey()
    {
        string path = _files.Write("node.conf", "actors {\n  errors.capacty = 5\n  health.thresholds.cpu-percent = 70\n  units.orders.breaker.max-failure = 3\n}\n");
        var console = new StringWriter();
        await using TestHost host = TestHost.Build(a => a.AddStrictHoconFile(path, o => o.Console = console));

        await host.StartAsync();

        string printed = console.ToString();
        Assert.Contains($"'actors.errors.capacty' at {path}:2:", printed, StringComparison.Ordinal);
        Assert.Contains("did you mean 'actors.errors.capacity'", printed, StringComparison.Ordinal);
        Assert.Contains("did you mean 'actors.units.orders.breaker.max-failures'", printed, StringComparison.Ordinal);
        Assert.Equal(2, printed.Split('\n').Count(l => l.StartsWith("warning: Unknown configuration key", StringComparison.Ordinal)));
        Serilog.Events.LogEvent logged = await SerilogCapture.Instance.WaitFor(
            e => SerilogCapture.Text(e, "ConfigurationWarning").Contains($"{path}:2:", StringComparison.Ordinal),
            TestHost.Timeout,
            "warning about actors.errors.capacty");
        Assert.Equal(Serilog.Events.LogEventLevel.Warning, logged.Level);
        Assert.Contains("did you mean 'actors.errors.capacity'", SerilogCapture.Text(logged, "ConfigurationWarning"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddStrictHoconFile_EnvironmentVariable_OverridesTheFileAndNamesItselfInErrors()
    {
        string prefix = $"T{Guid.NewGuid():N}_";
        string path = _files.Write("node.conf", "actors.errors.capacity = 42\n");
        Environment.SetEnvironmentVariable(prefix + "ACTORS__ERRORS__CAPACITY", "7");
        Environment.SetEnvironmentVariable(prefix + "ACTORS__MEMORY__SOFT_THRESHOLD", "0.5");
        try
        {
            IConfiguration environment = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();
            await using TestHost host = TestHost.Build(a => a.AddStrictHoconFile(path, o => { o.Console = null; o.Configuration = environment; }).WithResilience());
            await host.StartAsync();

            ResilienceRuntime runtime = ResilienceRuntime.Get(host.System)!;
            Assert.Equal(7, runtime.Options.Errors.Capacity);
            Assert.Equal(0.5, runtime.Options.Memory.SoftThreshold);
            Assert.Equal("7", host.System.Settings.Config.GetString("actors.errors.capacity"));

            Environment.SetEnvironmentVariable(prefix + "ACTORS__ERRORS__CAPACITY", "lots");
            IConfiguration bad = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();
            await using TestHost failing = TestHost.Build(a => a.AddStrictHoconFile(path, o => { o.Console = null; o.Configuration = bad; }).WithResilience());
            Assert.Equal(ActorsExitCodes.ConfigurationInvalid, await failing.RunAsync());
            Assert.Contains("ACTORS__ERRORS__CAPACITY", failing.Console.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "ACTORS__ERRORS__CAPACITY", null);
            Environment.SetEnvironmentVariable(prefix + "ACTORS__MEMORY__SOFT_THRESHOLD", null);
        }
    }

    [Fact]
    public async Task AddStrictHoconFile_ProcessEnvironmentByDefault_OverridesTheFile()
    {
        // A kind of this test's own, so no other test reads the variable.
        string kind = "envtest" + Guid.NewGuid().ToString("N")[..8];
        string variable = $"ACTORS__UNITS__{kind.ToUpperInvariant()}__BUFFER_CAPACITY";
        string path = _files.Write("node.conf", $"actors.units.{kind}.buffer-capacity = 5\n");
        Environment.SetEnvironmentVariable(variable, "9");
        try
        {
            await using TestHost host = TestHost.Build(a => a
                .AddStrictHoconFile(path, o => o.Console = null)
                .WithUnitKind(kind, id => Props.Create(() => new EchoWorker(id))));
            await host.StartAsync();

            Assert.Equal(9, Assert.Single(ResilienceRuntime.Get(host.System)!.Options.Kinds).BufferCapacity);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task AddStrictHoconFile_OptionalCorruptFile_MovedAsideAndDefaultsUsed()
    {
        string path = _files.Write("node.conf", "actors {\n  errors.capacity = 3\n  broken = [1, 2\n");
        var console = new StringWriter();
        await using TestHost host = TestHost.Build(a => a.AddStrictHoconFile(path, o => { o.Optional = true; o.Console = console; }).WithResilience());

        await host.StartAsync();

        Assert.False(File.Exists(path));
        string moved = Assert.Single(Directory.GetFiles(_files.Directory, "node.conf.corrupted.*"));
        Assert.Matches(@"node\.conf\.corrupted\.\d{8}T\d{6}Z$", moved);
        Assert.Equal(1000, ResilienceRuntime.Get(host.System)!.Options.Errors.Capacity);
        Assert.Contains("is corrupt", console.ToString(), StringComparison.Ordinal);
        Assert.Contains("node.conf:", console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToHoconPath_MapsSeparatorsAndUnderscores()
    {
        Assert.Equal("\"actors\".\"log-dead-letters\"", ConfigurationHoconMapper.ToHoconPath("ACTORS:LOG_DEAD_LETTERS"));
    }
}
