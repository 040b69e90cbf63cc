namespace Actors;

/// <summary>Nothing lives at a selection that had to be resolved.</summary>
public class ActorNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActorNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public ActorNotFoundException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public ActorNotFoundException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
