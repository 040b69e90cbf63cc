using System.Globalization;
using System.Text.Json;
using Actors.Hocon;
using Microsoft.Extensions.Logging;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Actors.Hosting.Validation;

/// <summary>
/// Loads settings files with the recovery policy operators expect: a missing optional file is skipped; a corrupt
/// optional file is moved aside to <c>&lt;name&gt;.corrupted.&lt;timestamp&gt;</c> and the defaults are used, with a
/// warning; a missing or corrupt required file fails with the position of the error (file:line:column).
/// </summary>
public static partial class SettingsFile
{
    /// <summary>Loads a HOCON (or JSON, which is valid HOCON) configuration file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="optional">Whether the defaults may be used when the file is missing or corrupt.</param>
    /// <param name="logger">Receives the warning when a corrupt optional file is moved aside.</param>
    /// <param name="timeProvider">The clock for the timestamp; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The configuration, or <see cref="ConfigurationFactory.Empty"/> when an optional file is missing or corrupt.</returns>
    /// <exception cref="HoconException">A required file is missing or corrupt; the message names file:line:column.</exception>
    public static Config LoadHocon(string path, bool optional, ILogger? logger = null, TimeProvider? timeProvider = null) =>
        LoadHocon(
            path,
            optional,
            missing: logger is null ? null : () => LogMissing(logger, path),
            corrupt: logger is null ? null : (error, moved) => LogCorrupt(logger, path, error, moved),
            timeProvider ?? TimeProvider.System);

    /// <summary>Loads a HOCON file, reporting a skipped or moved-aside optional file through the callbacks.</summary>
    internal static Config LoadHocon(string path, bool optional, Action? missing, Action<string, string>? corrupt, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            if (optional)
            {
                missing?.Invoke();
                return ConfigurationFactory.Empty;
            }

            throw new HoconException($"required configuration file is missing (full path {Path.GetFullPath(path)})", path, 0, 0, null);
        }

        try
        {
            return ConfigurationFactory.ParseFile(path);
        }
        catch (HoconException e) when (optional && !e.Detail.StartsWith("cannot read", StringComparison.Ordinal))
        {
            string moved = MoveAside(path, timeProvider);
            corrupt?.Invoke(e.Message, moved);
            return ConfigurationFactory.Empty;
        }
    }

    /// <summary>Loads a JSON settings file into <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The settings type.</typeparam>
    /// <param name="path">The file.</param>
    /// <param name="optional">Whether <paramref name="defaults"/> may be used when the file is missing or corrupt.</param>
    /// <param name="defaults">Creates the default settings.</param>
    /// <param name="logger">Receives the warning when a corrupt optional file is moved aside.</param>
    /// <param name="options">Serializer options; web defaults when null.</param>
    /// <param name="timeProvider">The clock for the timestamp; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="SettingsFileException">A required file is missing or corrupt; the message names file:line:column.</exception>
    public static T LoadJson<T>(string path, bool optional, Func<T> defaults, ILogger? logger = null, JsonSerializerOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(defaults);
        if (!File.Exists(path))
        {
            if (optional)
            {
                if (logger is not null)
                {
                    LogMissing(logger, path);
                }

                return defaults();
            }

            throw new SettingsFileException($"{path}: required settings file is missing (full path {Path.GetFullPath(path)})");
        }

        string text = File.ReadAllText(path);
        try
        {
            return JsonSerializer.Deserialize<T>(text, options ?? JsonSerializerOptions.Web)
                ?? throw new JsonException("the file holds null", path, 0, 0);
        }
        catch (JsonException e)
        {
            // JsonException counts lines and bytes from 0.
            long line = (e.LineNumber ?? 0) + 1;
            long column = (e.BytePositionInLine ?? 0) + 1;
            string where = string.Create(CultureInfo.InvariantCulture, $"{path}:{line}:{column}");
            string detail = e.Message.Split(" Path:", 2)[0];
            if (!optional)
            {
                throw new SettingsFileException($"{where}: {detail}", e);
            }

            string moved = MoveAside(path, timeProvider ?? TimeProvider.System);
            if (logger is not null)
            {
                LogCorrupt(logger, path, $"{where}: {detail}", moved);
            }

            return defaults();
        }
    }

    /// <summary>Moves a corrupt file to <c>&lt;name&gt;.corrupted.&lt;yyyyMMddTHHmmssZ&gt;</c> next to it.</summary>
    /// <param name="path">The file.</param>
    /// <param name="timeProvider">The clock for the timestamp.</param>
    /// <returns>The new path.</returns>
    public static string MoveAside(string path, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(timeProvider);
        string stamp = timeProvider.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        string target = $"{path}.corrupted.{stamp}";
        for (int i = 1; File.Exists(target); i++)
        {
            target = string.Create(CultureInfo.InvariantCulture, $"{path}.corrupted.{stamp}-{i}");
        }

        File.Move(path, target);
        return target;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Optional settings file {Path} does not exist; using the defaults")]
    private static partial void LogMissing(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Optional settings file {Path} is corrupt ({Error}); moved it to {MovedTo} and using the defaults")]
    private static partial void LogCorrupt(ILogger logger, string path, string error, string movedTo);
}
