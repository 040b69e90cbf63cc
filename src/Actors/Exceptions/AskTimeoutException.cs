namespace Actors;

/// <summary>An Ask did not receive its answer in time.</summary>
public class AskTimeoutException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AskTimeoutException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public AskTimeoutException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public AskTimeoutException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
