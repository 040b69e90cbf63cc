namespace Actors.Hosting;

/// <summary>The hosted actor system did not start; <see cref="Exception.InnerException"/> is the cause.</summary>
public sealed class ActorSystemStartupException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActorSystemStartupException()
        : this("The actor system failed to start.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ActorSystemStartupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ActorSystemStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The process exit code the host was given for this failure (see <see cref="ActorsExitCodes"/>).</summary>
    public int ExitCode { get; init; } = ActorsExitCodes.StartupFailed;
}
