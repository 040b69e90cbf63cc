using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Actors.Hocon;
using Actors.Hosting.Resilience;
using Actors.Resilience;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Hosting.Admin;

/// <summary>
/// Runs the admin endpoints on their own Kestrel (a small web application inside the host). It binds in
/// <see cref="StartedAsync"/>, once every hosted service, the actor system included, has started, and unbinds in
/// <see cref="StoppingAsync"/>, before any of them stops, so the endpoints never see a half-started or half-stopped
/// system. The host's lifecycle calls these methods one at a time.
/// </summary>
internal sealed partial class AdminServer(
    AdminEndpoints endpoints,
    ResilienceHost resilience,
    ActorsRuntime actors,
    ActorsBuilder builder,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory) : IHostedLifecycleService
{
    private readonly ILogger _log = loggerFactory.CreateLogger("Actors.Hosting.Admin");
    private WebApplication? _app;

    /// <summary>Reads and checks the options when the actor system starts; a missing token fails start-up like any configuration error.</summary>
    public static AdminEndpointOptions ReadOptions(Config config, Action<AdminEndpointOptions>? configure)
    {
        AdminEndpointOptions options = AdminEndpointOptions.FromConfig(config);
        configure?.Invoke(options);
        if (!AdminBinding.TryParse(options.Host, out AdminBinding binding))
        {
            throw new HoconException($"expected an IP address, localhost or *, found \"{options.Host}\"", "AddAdminEndpoints", 0, 0, AdminEndpointOptions.ConfigPath + ".host");
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new HoconException($"expected a TCP port from 0 to 65535, found {options.Port}", "AddAdminEndpoints", 0, 0, AdminEndpointOptions.ConfigPath + ".port");
        }

        if (options.Enabled && !binding.IsLoopback && options.Token.Length == 0)
        {
            throw AdminEndpointOptions.Error(
                config,
                AdminEndpointOptions.ConfigPath + ".host",
                $"the admin endpoints would listen on {options.Host}, which is not a loopback address, so they require a bearer token: " +
                "set actors.admin.token (environment variable ACTORS__ADMIN__TOKEN), or bind to 127.0.0.1");
        }

        return options;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (actors.Status != ActorsRuntimeStatus.Running || endpoints.Options is not { } options)
        {
            endpoints.NotStarted();
            return;
        }

        if (!options.Enabled)
        {
            LogDisabled(_log);
            endpoints.NotStarted();
            return;
        }

        try
        {
            ResilienceRuntime runtime = await resilience.Runtime.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!AdminBinding.TryParse(options.Host, out AdminBinding binding))
            {
                throw new AdminEndpointsException($"Cannot bind the admin endpoints to '{options.Host}'.");
            }

            WebApplication app = Build(options, binding, runtime);
            _app = app;
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new AdminEndpointsException("Kestrel started but reported no address.");
            var url = new Uri(address.EndsWith('/') ? address : address + "/");
            LogListening(_log, url, binding.IsLoopback ? "reads open on loopback, POST requires the token" : "every call requires the token");
            endpoints.Listening(url);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = e as AdminEndpointsException ?? new AdminEndpointsException($"The admin endpoints could not listen on {options.Host}:{options.Port}: {e.Message}", e);
            LogFailed(_log, failure.Message);
            endpoints.Failed(failure);
            if (builder.SetsExitCode)
            {
                Environment.ExitCode = ActorsExitCodes.StartupFailed;
            }

            lifetime.StopApplication();
        }
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            _app = null;
            try
            {
                await app.StopAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => StoppingAsync(cancellationToken);

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private WebApplication Build(AdminEndpointOptions options, AdminBinding binding, ResilienceRuntime runtime)
    {
        WebApplicationBuilder web = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "Actors.Hosting.Admin" });
        web.Services.AddSingleton(loggerFactory);
        web.Services.AddRoutingCore();
        web.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        web.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(binding.Address ?? IPAddress.Loopback, options.Port);
        });

        WebApplication app = web.Build();
        var authorization = new AdminAuthorization(options.Token, binding.IsLoopback);
        app.Use(HandleFailures);
        app.Use(authorization.Invoke);
        AdminRoutes.Map(app, runtime);
        return app;
    }

    /// <summary>Answers a failed operation with a problem: 503 when an actor did not answer in time, 500 otherwise; never a stack trace.</summary>
    private async Task HandleFailures(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (AskTimeoutException e) when (!context.Response.HasStarted)
        {
            LogOperationTimedOut(_log, context.Request.Method, context.Request.Path, e.Message);
            await AdminProblems.Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", "The actor behind this operation did not answer in time; try again.")
                .ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            LogOperationFailed(_log, e, context.Request.Method, context.Request.Path);
            await AdminProblems.Problem(StatusCodes.Status500InternalServerError, "Internal error", "The operation failed; the node's log has the details.")
                .ExecuteAsync(context).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin endpoints listening on {Url} ({Policy})")]
    private static partial void LogListening(ILogger logger, Uri url, string policy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin endpoints are disabled (actors.admin.enabled = off)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Reason}; stopping the host")]
    private static partial void LogFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin {Method} {Path}: an actor did not answer in time ({Reason})")]
    private static partial void LogOperationTimedOut(ILogger logger, string method, PathString path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Admin {Method} {Path} failed")]
    private static partial void LogOperationFailed(ILogger logger, Exception exception, string method, PathString path);
}
