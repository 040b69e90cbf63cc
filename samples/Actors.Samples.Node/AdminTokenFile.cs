using System.Security.Cryptography;

namespace Actors.Samples.Node;

/// <summary>
/// The admin token when none is configured: made once, kept in <c>data/admin-token</c> (readable by the owner only)
/// and read back on every later start, so a bookmarked dashboard URL and a pbm line keep working across restarts.
/// </summary>
internal static class AdminTokenFile
{
    /// <summary>Reads the kept token, or makes and keeps one; says which in <paramref name="made"/>.</summary>
    /// <param name="path">The file, e.g. <c>./data/admin-token</c>.</param>
    /// <param name="made">Whether the token was made now.</param>
    /// <returns>The token: 32 lowercase hex characters, or what the file holds.</returns>
    public static string ReadOrCreate(string path, out bool made)
    {
        made = false;
        if (File.Exists(path))
        {
            string kept = File.ReadAllText(path).Trim();
            if (kept.Length >= 16 && !kept.Any(char.IsWhiteSpace))
            {
                return kept;
            }
        }

        string token = RandomNumberGenerator.GetHexString(32, lowercase: true);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(token);
        }

        made = true;
        return token;
    }
}
