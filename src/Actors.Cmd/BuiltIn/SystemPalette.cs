using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using Actors.Hocon;

namespace Actors.Cmd.BuiltIn;

/// <summary>The <c>system</c> palette: versions and uptime, and the effective configuration with secrets masked.</summary>
internal static class SystemPalette
{
    public static CommandPalette Create() =>
        new CommandPaletteBuilder("system", "This node: versions, uptime, configuration")
            .AddCommand("info", "Versions, uptime and where the configuration came from", Info)
            .AddCommand("config", "The effective HOCON configuration, secrets masked", ShowConfig,
                ArgumentDescriptor.Option("path", "-p", "Only this path, e.g. actors.cmd"))
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
        CmdServerOptions options = ctx.Server.Options;
        string? origin = options.ConfigOrigin;
        if (origin is null && options.Config is { } config)
        {
            try
            {
                origin = config.Root.Origin.Description;
            }
            catch (HoconException)
            {
                origin = "(unresolved configuration)";
            }
        }

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
            system.StartTime,
            uptime,
            origin,
            ctx.Server.Endpoint.ToString(),
            ctx.Server.ConnectionCount,
            ctx.Server.Palettes.Select(p => p.Name).ToArray());
        string text = CmdText.KeyValues(
        [
            ("system", info.System),
            ("actors", info.ActorsVersion),
            ("cmd", $"{info.CmdVersion} (protocol v{info.ProtocolVersion})"),
            ("runtime", info.Runtime),
            ("os", info.OperatingSystem),
            ("machine", $"{info.Machine} (pid {info.ProcessId.ToString(CultureInfo.InvariantCulture)})"),
            ("started", info.StartTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            ("uptime", FormatUptime(uptime)),
            ("config", info.ConfigOrigin ?? "(none supplied)"),
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
        Config config = ctx.Server.Options.Config
            ?? throw new CommandException(CmdErrorCodes.NotFound, "No configuration was supplied to the command server (CmdServerOptions.Config).");
        string? path = ctx.GetString("path");
        HoconValue value;
        string? key = null;
        if (string.IsNullOrEmpty(path))
        {
            value = config.Root;
        }
        else
        {
            value = config.GetValue(path) ?? throw new CommandException(CmdErrorCodes.NotFound, $"No configuration at [{path}].");
            key = path.Split('.')[^1];
        }

        HoconValue masked = SecretMasking.Apply(value, key);
        using JsonDocument json = JsonDocument.Parse(masked.Render(HoconRenderOptions.JsonConcise));
        ctx.Write(masked.Render(HoconRenderOptions.Default), json.RootElement.Clone());
        return Task.CompletedTask;
    }
}
