using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using Actors.Resilience;
using Akka.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Hosting.Admin;

/// <summary>
/// The admin endpoints on their own Kestrel (a small web application inside the process). Started by the startup
/// task of <see cref="AdminHostingExtensions.WithAdminEndpoints"/> once every actor starter has run, and stopped by a
/// coordinated-shutdown task in the <c>service-unbind</c> phase, before any actor stops, so the endpoints never see a
/// half-started or half-stopped system. Start and stop are each called once, one after the other.
/// </summary>
internal sealed class AdminServer
{
    private readonly WebApplication _app;
    private readonly ILoggingAdapter _log;

    private AdminServer(WebApplication app, ILoggingAdapter log)
    {
        _app = app;
        _log = log;
    }

    public static async Task<AdminServer> StartAsync(ActorSystem system, ResilienceRuntime runtime, AdminEndpoints endpoints, IReadOnlyList<AdminRouteSet> extraRoutes, CancellationToken cancellationToken)
    {
        AdminEndpointOptions options = endpoints.Options;
        ILoggingAdapter log = Logging.GetLogger(system, "Actors.Hosting.Admin");
        if (!AdminBinding.TryParse(options.Host, out AdminBinding binding))
        {
            throw new AdminEndpointsException($"Cannot bind the admin endpoints to '{options.Host}' (actors.admin.host).") { IsConfiguration = true };
        }

        // Kestrel's own diagnostics go to the host's logging when there is one.
        ILoggerFactory loggers = DependencyResolver.For(system).Resolver.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        WebApplication app = Build(system, options, binding, runtime, extraRoutes, loggers, log);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or InvalidOperationException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            var failure = new AdminEndpointsException($"The admin endpoints cannot listen on {options.Host}:{options.Port} (actors.admin.host, actors.admin.port): {e.Message}", e) { IsConfiguration = true };
            endpoints.Failed(failure);
            throw failure;
        }

        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new AdminEndpointsException("Kestrel started but reported no address.");
        var url = new Uri(address.EndsWith('/') ? address : address + "/");
        log.Info("Admin endpoints listening on {AdminUrl} ({AdminPolicy})", url, binding.IsLoopback ? "reads open on loopback, POST requires the token" : "every call requires the token");
        endpoints.Listening(url);
        return new AdminServer(app, log);
    }

    /// <summary>Checks before the actor system starts that a fixed port can be bound, so a busy port is a configuration error naming the port.</summary>
    public static void CheckPortIsFree(AdminEndpointOptions options, Config config)
    {
        if (!options.Enabled || options.Port == 0 || !AdminBinding.TryParse(options.Host, out AdminBinding binding))
        {
            return;
        }

        var listener = new TcpListener(binding.Address ?? IPAddress.Loopback, options.Port);
        try
        {
            listener.Start();
        }
        catch (SocketException e)
        {
            throw ConfigPaths.Error(config, AdminEndpointOptions.ConfigPath + ".port", $"the admin endpoints cannot listen on {options.Host}:{options.Port} ({e.SocketErrorCode}): choose another port, or 0 for a free one");
        }
        finally
        {
            listener.Stop();
        }
    }

    public async Task StopAsync()
    {
        try
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _log.Info("Admin endpoints stopped");
        }
    }

    private static WebApplication Build(ActorSystem system, AdminEndpointOptions options, AdminBinding binding, ResilienceRuntime runtime, IReadOnlyList<AdminRouteSet> extraRoutes, ILoggerFactory loggers, ILoggingAdapter log)
    {
        WebApplicationBuilder web = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "Actors.Hosting.Admin" });
        web.Services.AddSingleton(loggers);
        web.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        web.Services.AddRoutingCore();
        web.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        web.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (binding.Address is { } address)
            {
                kestrel.Listen(address, options.Port);
            }
            else
            {
                kestrel.ListenLocalhost(options.Port);
            }
        });

        if (options.Metrics)
        {
            AdminMetrics.AddServices(web.Services);
        }

        WebApplication app = web.Build();
        var authorization = new AdminAuthorization(options.Token, binding.IsLoopback);
        app.Use((context, next) => HandleFailures(context, next, log));
        Dashboard.DashboardFiles.Use(app, options);
        app.Use(authorization.Invoke);
        if (options.Metrics)
        {
            AdminMetrics.Map(app);
        }

        AdminRoutes.Map(app, runtime, options, system, extraRoutes);
        return app;
    }

    /// <summary>Answers a failed operation with a problem: 503 when an actor did not answer in time, 500 otherwise; never a stack trace.</summary>
    private static async Task HandleFailures(HttpContext context, RequestDelegate next, ILoggingAdapter log)
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
            log.Warning("Admin {Method} {Path}: an actor did not answer in time ({Reason})", context.Request.Method, context.Request.Path.Value, e.Message);
            await AdminProblems.Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", "The actor behind this operation did not answer in time; try again.")
                .ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            log.Error(e, "Admin {Method} {Path} failed", context.Request.Method, context.Request.Path.Value);
            await AdminProblems.Problem(StatusCodes.Status500InternalServerError, "Internal error", "The operation failed; the node's log has the details.")
                .ExecuteAsync(context).ConfigureAwait(false);
        }
    }
}
