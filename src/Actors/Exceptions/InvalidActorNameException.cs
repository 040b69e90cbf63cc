namespace Actors;

/// <summary>An actor name is malformed or already taken by a sibling.</summary>
public class InvalidActorNameException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidActorNameException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public InvalidActorNameException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidActorNameException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
