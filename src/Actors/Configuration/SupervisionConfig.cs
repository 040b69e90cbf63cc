using Actors.Hocon;

namespace Actors;

/// <summary>Reads a <c>supervision { strategy, max-retries, within, decider }</c> block into a strategy.</summary>
internal static class SupervisionConfig
{
    public static SupervisorStrategy Read(Config config, string path)
    {
        string strategyPath = path + ".strategy";
        string deciderPath = path + ".decider";
        string strategy = config.GetString(strategyPath, "one-for-one")!;
        int maxRetries = config.GetInt(path + ".max-retries", -1);
        TimeSpan within = config.GetTimeSpan(path + ".within", Timeout.InfiniteTimeSpan);
        if (within < TimeSpan.Zero && within != Timeout.InfiniteTimeSpan)
        {
            throw ConfigPaths.Error(config, path + ".within", "expected a positive duration or infinite");
        }

        Func<Exception, Directive> decider = config.GetString(deciderPath, "default")!.ToUpperInvariant() switch
        {
            "DEFAULT" => SupervisorStrategy.DefaultDecider,
            "RESTART" => static _ => Directive.Restart,
            "STOP" => static _ => Directive.Stop,
            "RESUME" => static _ => Directive.Resume,
            "ESCALATE" => static _ => Directive.Escalate,
            _ => throw ConfigPaths.Error(config, deciderPath, "expected one of default, restart, stop, resume, escalate"),
        };
        TimeSpan? window = within == Timeout.InfiniteTimeSpan ? null : within;
        int? retries = maxRetries < 0 ? null : maxRetries;
        return strategy.ToUpperInvariant() switch
        {
            "ONE-FOR-ONE" => new OneForOneStrategy(retries, window, decider),
            "ALL-FOR-ONE" => new AllForOneStrategy(retries, window, decider),
            _ => throw ConfigPaths.Error(config, strategyPath, "expected one-for-one or all-for-one"),
        };
    }
}
