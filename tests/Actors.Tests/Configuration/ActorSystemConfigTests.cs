using Actors.Event;
using Actors.Hocon;
using Actors.TestKit;

namespace Actors.Tests.Configuration;

public sealed class ActorSystemConfigTests
{
    [Fact]
    public void FromConfig_EmptyConfig_UsesReferenceDefaults()
    {
        ActorSystemOptions options = ActorSystemOptions.FromConfig(ConfigurationFactory.Empty);

        Assert.Equal(30, options.Throughput);
        Assert.Equal(1000, options.Mailboxes[Mailboxes.BoundedMailboxId]);
        Assert.Equal(0, options.Mailboxes[Mailboxes.DefaultMailboxId]);
        Assert.Equal(TimeSpan.FromSeconds(10), options.AskTimeout);
        Assert.Equal(LogLevel.InfoLevel, options.LogLevel);
        Assert.True(options.StdoutLogger);
        Assert.Equal(10, options.LogDeadLetters);
        Assert.Equal(TimeSpan.FromMinutes(5), options.LogDeadLettersSuspendDuration);
        Assert.Equal(TimeSpan.FromSeconds(5), options.CoordinatedShutdown.DefaultPhaseTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), options.CoordinatedShutdown.PhaseTimeouts[CoordinatedShutdown.PhaseServiceStop]);
        Assert.True(options.CoordinatedShutdown.RunByActorSystemTerminate);
        Assert.Equal(-1, options.GuardianSupervisorStrategy!.MaxNumberOfRetries);
        Assert.Null(options.Deployer);
        Assert.Empty(options.ConfigWarnings);
    }

    [Fact]
    public void FromConfig_UserValues_OverrideDefaults()
    {
        Config config = ConfigurationFactory.ParseString(
            """
            actors {
              loglevel = DEBUG
              ask-timeout = 250ms
              log-dead-letters = off
              dispatchers { default-dispatcher.throughput = 5, io { throughput = 1 } }
              mailboxes.small.capacity = 3
              coordinated-shutdown.default-phase-timeout = 2s
              coordinated-shutdown.phases.service-stop.timeout = 7s
              supervision.guardian { max-retries = 3, within = 1m, decider = stop }
            }
            """);

        ActorSystemOptions options = ActorSystemOptions.FromConfig(config);

        Assert.Equal(LogLevel.DebugLevel, options.LogLevel);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.AskTimeout);
        Assert.Equal(0, options.LogDeadLetters);
        Assert.Equal(5, options.Throughput);
        Assert.Equal(1, options.Dispatchers["io"]);
        Assert.Equal(3, options.Mailboxes["small"]);
        Assert.Equal(TimeSpan.FromSeconds(7), options.CoordinatedShutdown.PhaseTimeouts[CoordinatedShutdown.PhaseServiceStop]);
        // Phases without their own timeout follow the default through a substitution in reference.conf.
        Assert.Equal(TimeSpan.FromSeconds(2), options.CoordinatedShutdown.PhaseTimeouts[CoordinatedShutdown.PhaseServiceUnbind]);
        Assert.Equal(3, options.GuardianSupervisorStrategy!.MaxNumberOfRetries);
        Assert.Equal(TimeSpan.FromMinutes(1), options.GuardianSupervisorStrategy.WithinTimeRange);
        Assert.Equal(Directive.Stop, options.GuardianSupervisorStrategy.Decide(new InvalidOperationException()));
    }

    [Fact]
    public void FromConfig_MalformedValue_ThrowsWithPositionAndPath()
    {
        Config config = ConfigurationFactory.ParseString("actors {\n  ask-timeout = soon\n}", "node.conf");

        var e = Assert.Throws<HoconException>(() => ActorSystemOptions.FromConfig(config));

        Assert.StartsWith("node.conf:2:", e.Message, StringComparison.Ordinal);
        Assert.Contains("actors.ask-timeout", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfig_DeploymentNamesUnknownDispatcher_ThrowsWithPosition()
    {
        Config config = ConfigurationFactory.ParseString("actors.deployment {\n  \"/user/a\" {\n    dispatcher = nope\n  }\n}", "node.conf");

        var e = Assert.Throws<HoconException>(() => ActorSystemOptions.FromConfig(config));

        Assert.StartsWith("node.conf:3:", e.Message, StringComparison.Ordinal);
        Assert.Contains("unknown dispatcher \"nope\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfig_UnknownKeys_WarnWithKeyOriginAndSuggestion()
    {
        Config config = ConfigurationFactory.ParseString(
            "actors {\n  ask-timout = 5s\n  mailboxes.bounded-mailbox.capacty = 5\n  deployment { \"/user/a\" { dispatch = x } }\n}\nmyapp.anything = 1",
            "node.conf");

        ActorSystemOptions options = ActorSystemOptions.FromConfig(config);

        Assert.Equal(3, options.ConfigWarnings.Count);
        Assert.Contains(options.ConfigWarnings, w => w.Contains("'actors.ask-timout' at node.conf:2:", StringComparison.Ordinal) && w.Contains("did you mean 'actors.ask-timeout'", StringComparison.Ordinal));
        Assert.Contains(options.ConfigWarnings, w => w.Contains("'actors.mailboxes.bounded-mailbox.capacty' at node.conf:3:", StringComparison.Ordinal));
        Assert.Contains(options.ConfigWarnings, w => w.Contains("'actors.deployment.\"/user/a\".dispatch' at node.conf:4:", StringComparison.Ordinal));
    }

    [Fact]
    public void ReferenceConfig_Kernel_IsEmbedded()
    {
        Assert.Equal(30, ReferenceConfig.Kernel.GetInt("actors.dispatchers.default-dispatcher.throughput"));
        Assert.Equal(1000, ReferenceConfig.Kernel.GetInt("actors.mailboxes.bounded-mailbox.capacity"));
        Assert.Contains("Actors.reference.conf", ReferenceConfig.Kernel.GetOrigin("actors.ask-timeout")!.Description, StringComparison.Ordinal);
    }
}
