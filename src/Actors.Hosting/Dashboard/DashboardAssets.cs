using System.Security.Cryptography;

namespace Actors.Hosting.Dashboard;

/// <summary>
/// The dashboard's three files, embedded in the assembly (no build step: they are written by hand) and served at
/// <c>/</c> (the page) and <c>/dashboard/{file}</c>. Loaded once, on first use.
/// </summary>
internal static class DashboardAssets
{
    /// <summary>The folder the page's files are served under.</summary>
    public const string Prefix = "/dashboard/";

    private static readonly Lazy<IReadOnlyDictionary<string, DashboardAsset>> s_assets = new(Load);

    /// <summary>The page.</summary>
    public static DashboardAsset Page => s_assets.Value["index.html"];

    /// <summary>The file named <paramref name="name"/> (for example <c>dashboard.js</c>), or <see langword="null"/>.</summary>
    public static DashboardAsset? Find(string name) => s_assets.Value.GetValueOrDefault(name);

    private static Dictionary<string, DashboardAsset> Load()
    {
        var assets = new Dictionary<string, DashboardAsset>(StringComparer.Ordinal);
        foreach ((string name, string type) in new[]
        {
            ("index.html", "text/html; charset=utf-8"),
            ("dashboard.js", "text/javascript; charset=utf-8"),
            ("dashboard.css", "text/css; charset=utf-8"),
        })
        {
            string resource = "Actors.Hosting.Dashboard." + name;
            using Stream stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The dashboard file {resource} is not embedded in {typeof(DashboardAssets).Assembly.GetName().Name}.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            byte[] content = buffer.ToArray();
            string etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 12)) + "\"";
            assets[name] = new DashboardAsset(type, content, etag);
        }

        return assets;
    }
}
