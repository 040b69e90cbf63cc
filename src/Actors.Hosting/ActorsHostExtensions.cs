using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Actors.Hosting;

/// <summary>Runs a host whose actor system is configured with these extensions and turns a failed start into an exit code.</summary>
public static partial class ActorsHostExtensions
{
    /// <summary>
    /// Starts <paramref name="host"/> and waits for it to stop, like <c>RunAsync</c>, but a start-up failure is not
    /// an unhandled exception: see <see cref="StartWithExitCodeAsync"/>. Without a failure it returns
    /// <see cref="Environment.ExitCode"/> once the host has stopped (0 unless the application set it).
    /// </summary>
    /// <param name="host">The host.</param>
    /// <param name="cancellationToken">Stops the host.</param>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunWithExitCodeAsync(this IHost host, CancellationToken cancellationToken = default) =>
        RunCoreAsync(host, Console.Error, setProcessExitCode: true, cancellationToken);

    /// <summary>
    /// Starts <paramref name="host"/>. A start-up failure is not an unhandled exception: its message (a configuration
    /// error names file:line:column, a validation failure lists every problem with its fix) is printed on the console
    /// and logged once, the host is stopped, and the method returns (and sets <see cref="Environment.ExitCode"/> to)
    /// <see cref="ActorsExitCodes.ConfigurationInvalid"/> (78) for a configuration problem or
    /// <see cref="ActorsExitCodes.StartupFailed"/> (70) otherwise. It returns 0 once the host has started.
    /// </summary>
    /// <param name="host">The host.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>0 when started, otherwise the process exit code.</returns>
    public static Task<int> StartWithExitCodeAsync(this IHost host, CancellationToken cancellationToken = default) =>
        StartCoreAsync(host, Console.Error, setProcessExitCode: true, cancellationToken);

    internal static async Task<int> RunCoreAsync(IHost host, TextWriter console, bool setProcessExitCode, CancellationToken cancellationToken)
    {
        int started = await StartCoreAsync(host, console, setProcessExitCode, cancellationToken).ConfigureAwait(false);
        if (started != 0)
        {
            return started;
        }

        await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return Environment.ExitCode;
    }

    internal static async Task<int> StartCoreAsync(IHost host, TextWriter console, bool setProcessExitCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return await FailAsync(host, e, console, setProcessExitCode).ConfigureAwait(false);
        }
    }

    private static async Task<int> FailAsync(IHost host, Exception e, TextWriter console, bool setProcessExitCode)
    {
        Exception cause = ActorsExitCodes.Unwrap(e);
        int code = ActorsExitCodes.For(cause);
        if (setProcessExitCode)
        {
            Environment.ExitCode = code;
        }

        string what = code == ActorsExitCodes.ConfigurationInvalid ? "configuration error" : "start-up failed";
        await console.WriteLineAsync($"error: {what} (exit code {code}): {cause.Message}").ConfigureAwait(false);
        ILogger log = host.Services.GetService<ILoggerFactory>()?.CreateLogger("Actors.Hosting") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        if (code == ActorsExitCodes.ConfigurationInvalid)
        {
            // The message says everything; a stack trace would only bury it.
            LogConfigurationError(log, code, cause.Message);
        }
        else
        {
            LogStartupFailure(log, cause, code, cause.Message);
        }

        try
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StopAsync(stopping.Token).ConfigureAwait(false);
        }
        catch (Exception stop) when (stop is ArgumentNullException or InvalidOperationException or OperationCanceledException or AggregateException)
        {
            // A host whose start failed before every service started may not stop cleanly; the failure above is the news.
        }

        return code;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The actor system cannot start (exit code {ExitCode}): {Reason}")]
    private static partial void LogConfigurationError(ILogger logger, int exitCode, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The actor system failed to start (exit code {ExitCode}): {Reason}")]
    private static partial void LogStartupFailure(ILogger logger, Exception exception, int exitCode, string reason);
}
