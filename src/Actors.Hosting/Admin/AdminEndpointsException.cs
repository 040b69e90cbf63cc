namespace Actors.Hosting.Admin;

/// <summary>The admin endpoints could not start (for example, their port is taken).</summary>
public sealed class AdminEndpointsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AdminEndpointsException()
        : this("The admin endpoints could not start.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public AdminEndpointsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AdminEndpointsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether the cause is configuration (a port that is taken or cannot be bound), so the exit code is 78 rather than 70.</summary>
    public bool IsConfiguration { get; init; }
}
