using System.Text;
using Actors.Hocon;
using Microsoft.Extensions.Configuration;

namespace Actors.Hosting;

/// <summary>
/// Maps a section of <see cref="IConfiguration"/> (environment variables, appsettings.json, command line) onto HOCON:
/// the environment variable <c>ACTORS__ASK_TIMEOUT=5s</c> becomes <c>actors.ask-timeout = "5s"</c>.
/// </summary>
public static class ConfigurationHoconMapper
{
    /// <summary>
    /// Converts the <paramref name="section"/> section of <paramref name="configuration"/>: keys are lower-cased,
    /// <c>:</c> (written <c>__</c> in environment variables) separates path elements, and a single <c>_</c> becomes
    /// <c>-</c>. Values are strings; the HOCON getters convert them (<c>"30"</c> reads as a number).
    /// </summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="section">The root section; <c>actors</c> by default.</param>
    /// <returns>The HOCON configuration; each value's origin names the configuration key it came from.</returns>
    public static Config ToConfig(IConfiguration configuration, string section = "actors")
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(section);
        Config result = ConfigurationFactory.Empty;
        foreach (KeyValuePair<string, string?> pair in configuration.GetSection(section).AsEnumerable())
        {
            if (pair.Value is null)
            {
                continue;
            }

            string path = ToHoconPath(pair.Key);
            string line = path + " = " + HoconText.Quote(pair.Value);
            Config entry = ConfigurationFactory.ParseString(line, $"configuration key {pair.Key} (environment variable {pair.Key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant()})");
            result = entry.WithFallback(result);
        }

        return result;
    }

    /// <summary>Converts a configuration key (<c>ACTORS:LOG_DEAD_LETTERS</c>) to a HOCON path (<c>actors.log-dead-letters</c>).</summary>
    /// <param name="key">The key, with <c>:</c> separators.</param>
    /// <returns>The path expression, each element quoted.</returns>
    public static string ToHoconPath(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var sb = new StringBuilder();
        foreach (string element in key.Split(':'))
        {
            if (sb.Length > 0)
            {
                sb.Append('.');
            }

            sb.Append(HoconText.Quote(element.ToLowerInvariant().Replace('_', '-')));
        }

        return sb.ToString();
    }
}
