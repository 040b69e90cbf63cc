using Actors.Hosting.Admin;
using Actors.Hosting.Validation;

namespace Actors.Hosting;

/// <summary>
/// Process exit codes for an actor system that cannot start, so scripts and supervisors (systemd, Kubernetes) can
/// tell a configuration problem from a crash. Values follow BSD sysexits.
/// </summary>
public static class ActorsExitCodes
{
    /// <summary>
    /// 78 (EX_CONFIG): start-up validation failed or the configuration is invalid (a missing environment variable, a
    /// malformed or missing required configuration file, a value out of range, a busy port, an unreachable
    /// dependency). Fix the configuration; restarting will not help.
    /// </summary>
    public const int ConfigurationInvalid = 78;

    /// <summary>70 (EX_SOFTWARE): the actor system, or code run while it starts (a starter, a startup task), threw.</summary>
    public const int StartupFailed = 70;

    /// <summary>
    /// The exit code for a start-up failure: <see cref="ConfigurationInvalid"/> for configuration errors
    /// (<see cref="HoconException"/>, <see cref="StartupValidationException"/>, <see cref="SettingsFileException"/>, a
    /// port the admin endpoints cannot bind, and any exception whose type name ends in <c>ConfigurationException</c>,
    /// such as Akka's or the command server's), <see cref="StartupFailed"/> otherwise.
    /// </summary>
    /// <param name="exception">What start-up threw (wrappers such as <see cref="AggregateException"/> are looked through).</param>
    /// <returns>78 or 70.</returns>
    public static int For(Exception exception) =>
        IsConfigurationError(Unwrap(exception)) ? ConfigurationInvalid : StartupFailed;

    /// <summary>The exception a start-up failure is about, looking through <see cref="AggregateException"/> and reflection wrappers.</summary>
    /// <param name="exception">What was thrown.</param>
    /// <returns>The innermost meaningful exception.</returns>
    public static Exception Unwrap(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Exception e = exception;
        while (true)
        {
            switch (e)
            {
                case AggregateException { InnerExceptions.Count: 1 } a:
                    e = a.InnerExceptions[0];
                    continue;
                case System.Reflection.TargetInvocationException { InnerException: { } inner }:
                    e = inner;
                    continue;
                case TypeInitializationException { InnerException: { } inner }:
                    e = inner;
                    continue;
                default:
                    return e;
            }
        }
    }

    // Beyond our own types, any exception named *ConfigurationException is a configuration error: Akka's, and those
    // of layers that do not reference this assembly (Actors.Cmd's CmdServerConfigurationException for a busy port).
    private static bool IsConfigurationError(Exception e) =>
        e is HoconException or StartupValidationException or SettingsFileException or AdminEndpointsException { IsConfiguration: true }
        || e.GetType().Name.EndsWith("ConfigurationException", StringComparison.Ordinal);
}
