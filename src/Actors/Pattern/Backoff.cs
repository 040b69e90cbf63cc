namespace Actors;

/// <summary>
/// Builds <see cref="BackoffOptions"/> for <see cref="BackoffSupervisor.Props(BackoffOptions)"/>. The delay before the
/// n-th restart (n counting from 0) is min(maxBackoff, minBackoff * 2^n) * (1 + r * randomFactor), r uniform in [0, 1).
/// </summary>
public static class Backoff
{
    /// <summary>Restarts the child after a backoff when it fails; see <see cref="BackoffTrigger.OnFailure"/>.</summary>
    /// <param name="childProps">The child's props.</param>
    /// <param name="childName">The child's name.</param>
    /// <param name="minBackoff">The first delay (positive).</param>
    /// <param name="maxBackoff">The cap on the doubling delay (at least <paramref name="minBackoff"/>).</param>
    /// <param name="randomFactor">Jitter in [0, 1], e.g. 0.2 adds up to 20%.</param>
    /// <param name="maxNrOfRetries">Restarts allowed before giving up (the supervisor then stops); -1 for no limit, 0 for none.</param>
    /// <returns>The options.</returns>
    public static BackoffOptions OnFailure(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries = -1) =>
        BackoffOptions.Create(BackoffTrigger.OnFailure, childProps, childName, minBackoff, maxBackoff, randomFactor, maxNrOfRetries);

    /// <summary>Restarts the child after a backoff when it stops; see <see cref="BackoffTrigger.OnStop"/>.</summary>
    /// <param name="childProps">The child's props.</param>
    /// <param name="childName">The child's name.</param>
    /// <param name="minBackoff">The first delay (positive).</param>
    /// <param name="maxBackoff">The cap on the doubling delay (at least <paramref name="minBackoff"/>).</param>
    /// <param name="randomFactor">Jitter in [0, 1], e.g. 0.2 adds up to 20%.</param>
    /// <param name="maxNrOfRetries">Restarts allowed before giving up (the supervisor then stops); -1 for no limit, 0 for none.</param>
    /// <returns>The options.</returns>
    public static BackoffOptions OnStop(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries = -1) =>
        BackoffOptions.Create(BackoffTrigger.OnStop, childProps, childName, minBackoff, maxBackoff, randomFactor, maxNrOfRetries);

    /// <summary>Restarts the child after a backoff when it fails or stops; see <see cref="BackoffTrigger.OnFailureOrStop"/>.</summary>
    /// <param name="childProps">The child's props.</param>
    /// <param name="childName">The child's name.</param>
    /// <param name="minBackoff">The first delay (positive).</param>
    /// <param name="maxBackoff">The cap on the doubling delay (at least <paramref name="minBackoff"/>).</param>
    /// <param name="randomFactor">Jitter in [0, 1], e.g. 0.2 adds up to 20%.</param>
    /// <param name="maxNrOfRetries">Restarts allowed before giving up (the supervisor then stops); -1 for no limit, 0 for none.</param>
    /// <returns>The options.</returns>
    public static BackoffOptions OnFailureOrStop(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries = -1) =>
        BackoffOptions.Create(BackoffTrigger.OnFailureOrStop, childProps, childName, minBackoff, maxBackoff, randomFactor, maxNrOfRetries);
}
