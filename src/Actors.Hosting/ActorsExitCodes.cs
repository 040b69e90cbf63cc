namespace Actors.Hosting;

/// <summary>
/// Process exit codes set in <see cref="Environment.ExitCode"/> when the actor system cannot start, so scripts and
/// supervisors (systemd, Kubernetes) can tell a configuration problem from a crash. Values follow BSD sysexits.
/// </summary>
public static class ActorsExitCodes
{
    /// <summary>
    /// 78 (EX_CONFIG): start-up validation failed or the configuration is invalid (a missing environment variable, a
    /// malformed or missing required configuration file, a busy port, an unreachable dependency). Fix the
    /// configuration; restarting will not help.
    /// </summary>
    public const int ConfigurationInvalid = 78;

    /// <summary>70 (EX_SOFTWARE): the actor system or a <c>WithActors</c>/<c>AddStartup</c> callback threw during start-up.</summary>
    public const int StartupFailed = 70;
}
