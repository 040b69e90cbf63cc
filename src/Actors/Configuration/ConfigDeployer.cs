using Actors.Hocon;

namespace Actors;

/// <summary>
/// Applies <c>actors.deployment</c>: per-path overrides of dispatcher, mailbox and supervision. An exact path wins
/// over a pattern; among patterns (an element <c>*</c> matches any one name) the first written wins.
/// Immutable after construction, so it is safe from any thread.
/// </summary>
internal sealed class ConfigDeployer
{
    private const string DeploymentPath = "actors.deployment";

    private readonly Dictionary<string, Deployment> _exact = new(StringComparer.Ordinal);
    private readonly List<(string[] Pattern, Deployment Deployment)> _patterns = new();

    private ConfigDeployer()
    {
    }

    public int Count => _exact.Count + _patterns.Count;

    /// <summary>Reads the deployments, checking that each names a configured dispatcher and mailbox.</summary>
    public static ConfigDeployer Read(Config config, ActorSystemOptions options)
    {
        var deployer = new ConfigDeployer();
        foreach (string key in config.GetKeys(DeploymentPath))
        {
            string entryPath = ConfigPaths.Join(DeploymentPath, key);
            if (config.GetValue(entryPath) is not HoconObject)
            {
                throw ConfigPaths.Error(config, entryPath, "expected an object such as { dispatcher = ..., mailbox = ..., supervision { ... } }");
            }

            string[] elements = key.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (!key.StartsWith('/') || elements.Length == 0)
            {
                throw ConfigPaths.Error(config, entryPath, $"a deployment key is an absolute actor path such as \"/user/worker\", found \"{key}\"");
            }

            string? dispatcher = config.GetString(entryPath + ".dispatcher", null);
            if (dispatcher is not null && dispatcher != Dispatchers.DefaultDispatcherId && !options.Dispatchers.ContainsKey(dispatcher))
            {
                throw ConfigPaths.Error(config, entryPath + ".dispatcher", $"unknown dispatcher \"{dispatcher}\"; define it under actors.dispatchers");
            }

            string? mailbox = config.GetString(entryPath + ".mailbox", null);
            if (mailbox is not null && !options.Mailboxes.ContainsKey(mailbox))
            {
                throw ConfigPaths.Error(config, entryPath + ".mailbox", $"unknown mailbox \"{mailbox}\"; define it under actors.mailboxes");
            }

            string supervisionPath = entryPath + ".supervision";
            SupervisorStrategy? strategy = config.HasPath(supervisionPath) ? SupervisionConfig.Read(config, supervisionPath) : null;
            var deployment = new Deployment(dispatcher, mailbox, strategy);
            if (Array.IndexOf(elements, "*") >= 0)
            {
                deployer._patterns.Add((elements, deployment));
            }
            else
            {
                deployer._exact["/" + string.Join('/', elements)] = deployment;
            }
        }

        return deployer;
    }

    /// <summary>Returns <paramref name="props"/> with the overrides configured for <paramref name="path"/>.</summary>
    public Props Apply(ActorPath path, Props props)
    {
        Deployment? deployment = Find(path);
        if (deployment is null)
        {
            return props;
        }

        if (deployment.Dispatcher is not null)
        {
            props = props.WithDispatcher(deployment.Dispatcher);
        }

        if (deployment.Mailbox is not null)
        {
            props = props.WithMailbox(deployment.Mailbox);
        }

        if (deployment.Strategy is not null)
        {
            props = props.WithSupervisorStrategy(deployment.Strategy);
        }

        return props;
    }

    private Deployment? Find(ActorPath path)
    {
        if (_exact.Count > 0 && _exact.TryGetValue(path.ToStringWithoutAddress(), out Deployment? exact))
        {
            return exact;
        }

        if (_patterns.Count == 0)
        {
            return null;
        }

        IReadOnlyList<string> elements = path.Elements;
        foreach ((string[] pattern, Deployment deployment) in _patterns)
        {
            if (Matches(pattern, elements))
            {
                return deployment;
            }
        }

        return null;
    }

    private static bool Matches(string[] pattern, IReadOnlyList<string> elements)
    {
        if (pattern.Length != elements.Count)
        {
            return false;
        }

        for (int i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != "*" && pattern[i] != elements[i])
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Deployment(string? Dispatcher, string? Mailbox, SupervisorStrategy? Strategy);
}
