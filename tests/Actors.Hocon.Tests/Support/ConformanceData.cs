namespace Actors.Hocon.Tests.Support;

/// <summary>Locates the shared lightbend equivalence data (never copied into the repository).</summary>
internal static class ConformanceData
{
    public const string EnvironmentVariable = "ACTORS_CONFORMANCE_DIR";

    private static readonly Lazy<string?> s_directory = new(Locate);

    /// <summary>The lightbend-equiv folder, or null when it is not available.</summary>
    public static string? Directory => s_directory.Value;

    public static string SkipReason =>
        "HOCON conformance data not found: expected a sibling 'shared/conformance/hocon/lightbend-equiv' folder next to the "
        + $"repository checkout, or {EnvironmentVariable} pointing at it (or at the 'conformance' folder).";

    private static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            foreach (var candidate in new[]
            {
                fromEnvironment,
                Path.Combine(fromEnvironment, "lightbend-equiv"),
                Path.Combine(fromEnvironment, "hocon", "lightbend-equiv"),
            })
            {
                if (System.IO.Directory.Exists(Path.Combine(candidate, "equiv01")))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[]
            {
                Path.Combine(dir.FullName, "shared", "conformance", "hocon", "lightbend-equiv"),
                Path.Combine(dir.FullName, "..", "shared", "conformance", "hocon", "lightbend-equiv"),
            })
            {
                if (System.IO.Directory.Exists(Path.Combine(candidate, "equiv01")))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        return null;
    }
}
