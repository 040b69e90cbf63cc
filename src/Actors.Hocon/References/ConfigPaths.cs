namespace Actors.Hocon;

/// <summary>Helpers to build path expressions and position-bearing errors while reading configuration.</summary>
public static class ConfigPaths
{
    /// <summary>Appends <paramref name="key"/> to <paramref name="path"/>, quoting it when it is not a plain word.</summary>
    /// <param name="path">The path so far (empty for the root).</param>
    /// <param name="key">The key to append.</param>
    /// <returns>The joined path expression.</returns>
    public static string Join(string path, string key)
    {
        bool plain = key.Length > 0 && key.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
        string segment = plain ? key : "\"" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        return path.Length == 0 ? segment : path + "." + segment;
    }

    /// <summary>An error naming where the value at <paramref name="path"/> was written, and the path.</summary>
    /// <param name="config">The configuration the value was read from.</param>
    /// <param name="path">The path of the value.</param>
    /// <param name="detail">What is wrong with it.</param>
    /// <returns>The exception to throw.</returns>
    public static HoconException Error(Config config, string path, string detail)
    {
        HoconOrigin? origin = config.GetOrigin(path);
        return new HoconException(detail, origin?.Description, origin?.Line ?? 0, origin?.Column ?? 0, path);
    }
}
