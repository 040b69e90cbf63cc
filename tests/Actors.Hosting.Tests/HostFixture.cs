using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Hosting.Tests;

internal static class HostFixture
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static IHost Build(Action<ActorsBuilder> configure, CapturingLoggerProvider logs, Action<IServiceCollection>? services = null)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        builder.AddActors("hosted", actors =>
        {
            actors.SetExitCodeOnFailure(false);
            configure(actors);
        });
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    public static Task WhenCancelled(CancellationToken token)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => tcs.TrySetResult());
        return tcs.Task;
    }
}
