using Actors.Hocon;

namespace Actors.Samples.Node;

/// <summary>The node's own settings (<c>node.flaky</c>, <c>node.load</c> in hocon/node.conf), checked at start-up.</summary>
internal sealed record NodeSettings(int Instances, double RefuseConnect, int BadUpstreamEvery, double BadUpstreamRefuseConnect, double FailMessage, int Batch, TimeSpan Interval)
{
    /// <summary>Reads and checks the settings; a bad value throws an error naming file:line:column and the key.</summary>
    public static NodeSettings Read(Config config)
    {
        var settings = new NodeSettings(
            config.GetInt("node.flaky.instances"),
            config.GetDouble("node.flaky.refuse-connect"),
            config.GetInt("node.flaky.bad-upstream-every"),
            config.GetDouble("node.flaky.bad-upstream-refuse-connect"),
            config.GetDouble("node.flaky.fail-message"),
            config.GetInt("node.load.batch"),
            config.GetTimeSpan("node.load.interval"));
        Require(config, "node.flaky.instances", settings.Instances is >= 1 and <= 1_000_000, "expected 1 to 1,000,000 instances");
        Require(config, "node.flaky.refuse-connect", settings.RefuseConnect is >= 0 and <= 1, "expected a probability from 0 to 1");
        Require(config, "node.flaky.bad-upstream-every", settings.BadUpstreamEvery >= 1, "expected 1 or more");
        Require(config, "node.flaky.bad-upstream-refuse-connect", settings.BadUpstreamRefuseConnect is >= 0 and <= 1, "expected a probability from 0 to 1");
        Require(config, "node.flaky.fail-message", settings.FailMessage is >= 0 and <= 1, "expected a probability from 0 to 1");
        Require(config, "node.load.batch", settings.Batch >= 1, "expected 1 or more requests per interval");
        Require(config, "node.load.interval", settings.Interval >= TimeSpan.FromMilliseconds(1), "expected at least 1ms");
        return settings;
    }

    private static void Require(Config config, string path, bool ok, string expected)
    {
        if (!ok)
        {
            throw ConfigPaths.Error(config, path, $"{expected}, found {config.GetValue(path)?.ScalarText}");
        }
    }
}
