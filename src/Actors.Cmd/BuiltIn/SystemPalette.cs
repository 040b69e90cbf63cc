using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Akka.Configuration.Hocon;

namespace Actors.Cmd.BuiltIn;

/// <summary>The <c>system</c> palette: versions and uptime, and the effective configuration with secrets masked.</summary>
internal static class SystemPalette
{
    public static CommandPalette Create() =>
        new CommandPaletteBuilder("system", "This node: versions, uptime, configuration")
            .AddCommand("info", "Versions, uptime and where the configuration came from", Info)
            .AddCommand("config", "The actor system's effective configuration (Akka's and ours), secrets masked", ShowConfig,
                ArgumentDescriptor.Option("path", "-p", "Only this path, e.g. actors.cmd or akka.actor"))
            .WithDefaultCommand("info")
            .Build();

    private static string VersionOf(Assembly assembly)
    {
        string? informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational is null ? assembly.GetName().Version?.ToString(3) ?? "?" : informational.Split('+')[0];
    }

    private static Task Info(CommandContext ctx)
    {
        ActorSystem system = ctx.System;
        TimeSpan uptime = system.Uptime;
        var info = new SystemInfo(
            system.Name,
            VersionOf(typeof(ActorSystem).Assembly),
            VersionOf(typeof(CommandServer).Assembly),
            CmdProtocol.Version,
            RuntimeInformation.FrameworkDescription,
            RuntimeInformation.OSDescription,
            Environment.MachineName,
            Environment.ProcessId,
            DateTimeOffset.UnixEpoch + system.StartTime,
            uptime,
            ctx.Server.Options.ConfigOrigin,
            CmdServerOptions.FormatEndpoint(ctx.Server.Endpoint.Address.ToString(), ctx.Server.Endpoint.Port),
            ctx.Server.ConnectionCount,
            ctx.Server.Palettes.Select(p => p.Name).ToArray());
        string text = CmdText.KeyValues(
        [
            ("system", info.System),
            ("akka", info.AkkaVersion),
            ("cmd", $"{info.CmdVersion} (protocol v{info.ProtocolVersion})"),
            ("runtime", info.Runtime),
            ("os", info.OperatingSystem),
            ("machine", $"{info.Machine} (pid {info.ProcessId.ToString(CultureInfo.InvariantCulture)})"),
            ("started", info.StartTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            ("uptime", FormatUptime(uptime)),
            ("config", info.ConfigOrigin ?? "(origin not given)"),
            ("endpoint", info.Endpoint),
            ("connections", info.Connections.ToString(CultureInfo.InvariantCulture)),
            ("palettes", string.Join(", ", info.Palettes)),
        ]);
        ctx.Write(text, info);
        return Task.CompletedTask;
    }

    internal static string FormatUptime(TimeSpan t) =>
        t.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalDays}d {t.Hours}h {t.Minutes}m {t.Seconds}s")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Hours}h {t.Minutes}m {t.Seconds}s");

    private static Task ShowConfig(CommandContext ctx)
    {
        Akka.Configuration.Config config = ctx.System.Settings.Config;
        string? path = ctx.GetString("path");
        HoconValue? value;
        string? key = null;
        if (string.IsNullOrEmpty(path))
        {
            value = config.Root;
        }
        else
        {
            value = config.HasPath(path) ? config.GetValue(path) : null;
            key = path.Split('.')[^1];
        }

        if (value is null)
        {
            throw new CommandException(CmdErrorCodes.NotFound, $"No configuration at [{path}].");
        }

        JsonNode? masked = SecretMasking.ToMaskedJson(value, key);
        var text = new StringBuilder();
        Render(text, masked, 0);
        using JsonDocument json = JsonDocument.Parse(masked?.ToJsonString() ?? "null");
        ctx.Write(text.ToString(), json.RootElement.Clone());
        return Task.CompletedTask;
    }

    /// <summary>Renders masked JSON as indented HOCON: objects as blocks, strings quoted only when they must be.</summary>
    private static void Render(StringBuilder sb, JsonNode? node, int indent)
    {
        switch (node)
        {
            case JsonObject o:
                sb.Append("{\n");
                foreach (KeyValuePair<string, JsonNode?> item in o)
                {
                    sb.Append(' ', (indent + 1) * 2).Append(Quote(item.Key)).Append(item.Value is JsonObject ? " " : " = ");
                    Render(sb, item.Value, indent + 1);
                    sb.Append('\n');
                }

                sb.Append(' ', indent * 2).Append('}');
                break;
            case JsonArray a:
                sb.Append('[');
                for (int i = 0; i < a.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    Render(sb, a[i], indent + 1);
                }

                sb.Append(']');
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                sb.Append(Quote(v.GetValue<string>()));
                break;
            case null:
                sb.Append("null");
                break;
            default:
                sb.Append(node.ToJsonString());
                break;
        }
    }

    private static string Quote(string s) =>
        s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':')
            ? s
            : JsonSerializer.Serialize(s);
}
