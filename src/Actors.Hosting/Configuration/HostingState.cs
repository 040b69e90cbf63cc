using System.Reflection;
using System.Runtime.CompilerServices;
using Actors.Resilience;

namespace Actors.Hosting.Configuration;

/// <summary>
/// What the extensions of one <see cref="AkkaConfigurationBuilder"/> share: the strictly loaded configuration, the
/// warnings still to log, the resilience options being assembled. Akka.Hosting runs the <c>AddAkka</c> callback on
/// one thread, once, just before it creates the actor system, so nothing here is locked; the starters that read it
/// run after the callback has returned.
/// </summary>
internal sealed class HostingState
{
    private static readonly ConditionalWeakTable<AkkaConfigurationBuilder, HostingState> s_states = new();

    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly List<string> _toLog = new();
    private Config? _full;
    private bool _logStartupAdded;

    /// <summary>The user's configuration: every strict file loaded so far, environment overrides on top.</summary>
    public Config User { get; private set; } = ConfigurationFactory.Empty;

    /// <summary>Assemblies whose <c>reference.conf</c> define known keys, beyond the ones found loaded.</summary>
    public HashSet<Assembly> ReferenceAssemblies { get; } = [typeof(HostingState).Assembly, typeof(ResilienceOptions).Assembly];

    /// <summary>The user's configuration over every known <c>reference.conf</c>: what the extensions read.</summary>
    public Config Full => _full ??= User.WithFallback(ReferenceConfig.Load(KnownReferenceAssemblies()));

    /// <summary>The first extension that read the configuration, if any; a file added after it would not reach it.</summary>
    public string? FirstReader { get; private set; }

    /// <summary>The configuration, read by the extension <paramref name="reader"/>.</summary>
    public Config ReadBy(string reader)
    {
        FirstReader ??= reader;
        return Full;
    }

    /// <summary>The resilience options, once <c>WithResilience</c> or <c>WithUnitKind</c> was called.</summary>
    public ResilienceOptions? Resilience { get; set; }

    /// <summary>Whether <c>WithAdminEndpoints</c> was called.</summary>
    public bool AdminEndpoints { get; set; }

    /// <summary>Routes added by workloads with <c>WithAdminRoutes</c>, mapped when the admin endpoints start.</summary>
    public List<Admin.AdminRouteSet> AdminRoutes { get; } = [];

    public static HostingState Of(AkkaConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return s_states.GetValue(builder, static _ => new HostingState());
    }

    public void SetUser(Config user)
    {
        User = user;
        _full = null;
    }

    /// <summary>
    /// The references to check keys against: the explicit ones and every loaded assembly that embeds a
    /// <c>reference.conf</c> (an assembly whose extension the callback calls is loaded before the callback runs).
    /// </summary>
    public IEnumerable<Assembly> KnownReferenceAssemblies()
    {
        var result = new List<Assembly>(ReferenceAssemblies);
        foreach (Assembly assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (!assembly.IsDynamic && !ReferenceAssemblies.Contains(assembly) && EmbedsReference(assembly))
            {
                result.Add(assembly);
            }
        }

        return result;
    }

    /// <summary>Prints each new warning on <paramref name="console"/> now and logs it through Akka once the system has started.</summary>
    public void Warn(AkkaConfigurationBuilder builder, IEnumerable<string> warnings, TextWriter? console)
    {
        foreach (string warning in warnings)
        {
            if (!_reported.Add(warning))
            {
                continue;
            }

            console?.WriteLine("warning: " + warning);
            _toLog.Add(warning);
        }

        if (_toLog.Count > 0 && !_logStartupAdded)
        {
            _logStartupAdded = true;
            builder.AddStartup((system, _) =>
            {
                ILoggingAdapter log = Logging.GetLogger(system, "Actors.Hosting.Configuration");
                foreach (string warning in _toLog)
                {
                    log.Warning("{ConfigurationWarning}", warning);
                }
            });
        }
    }

    private static bool EmbedsReference(Assembly assembly)
    {
        try
        {
            return Array.Exists(assembly.GetManifestResourceNames(), static n => n == ReferenceConfig.ResourceName || n.EndsWith("." + ReferenceConfig.ResourceName, StringComparison.Ordinal));
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }
}
