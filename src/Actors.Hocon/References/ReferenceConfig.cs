using System.Reflection;
namespace Actors.Hocon;

/// <summary>
/// The defaults each assembly of the runtime carries as an embedded <c>reference.conf</c>, and the helper that merges
/// them under a user's configuration.
/// </summary>
/// <remarks>
/// An assembly ships its defaults by embedding a file named <c>reference.conf</c> (any manifest name ending in
/// <c>.reference.conf</c>). Keys under <c>actors.</c> that appear in no loaded reference are reported as unknown; an
/// empty object in a reference (such as <c>actors.deployment {}</c>) declares a map whose keys the user chooses.
/// </remarks>
public static class ReferenceConfig
{
    /// <summary>The name of the embedded resource each assembly carries its defaults in.</summary>
    public const string ResourceName = "reference.conf";

    /// <summary>Reads the <c>reference.conf</c> embedded in <paramref name="assembly"/>.</summary>
    /// <param name="assembly">The assembly.</param>
    /// <returns>Its defaults, or <see cref="ConfigurationFactory.Empty"/> when it carries none.</returns>
    /// <exception cref="HoconException">The embedded file is not valid HOCON.</exception>
    public static Config FromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        string[] names = assembly.GetManifestResourceNames();
        bool has = Array.Exists(names, n => n == ResourceName || n.EndsWith("." + ResourceName, StringComparison.Ordinal));
        return has ? ConfigurationFactory.FromResource(assembly, ResourceName) : ConfigurationFactory.Empty;
    }

    /// <summary>
    /// Collects the defaults of <paramref name="assemblies"/> into one configuration: earlier assemblies win over later ones.
    /// </summary>
    /// <param name="assemblies">Assemblies carrying a <c>reference.conf</c> (duplicates are ignored).</param>
    /// <returns>The merged defaults.</returns>
    /// <exception cref="HoconException">An embedded file is not valid HOCON.</exception>
    public static Config Load(params IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        Config result = ConfigurationFactory.Empty;
        var seen = new HashSet<Assembly>();
        foreach (Assembly assembly in assemblies)
        {
            if (seen.Add(assembly))
            {
                result = result.WithFallback(FromAssembly(assembly));
            }
        }

        return result;
    }

    /// <summary>Merges the defaults of <paramref name="assemblies"/> under <paramref name="config"/>.</summary>
    /// <param name="config">The user's configuration; its values win.</param>
    /// <param name="assemblies">Assemblies carrying a <c>reference.conf</c>.</param>
    /// <returns>The complete configuration.</returns>
    /// <exception cref="HoconException">An embedded file is not valid HOCON, or merging creates a substitution cycle.</exception>
    public static Config WithReferenceFallbacks(this Config config, params IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.WithFallback(Load(assemblies));
    }
}
