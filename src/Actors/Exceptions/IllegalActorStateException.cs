namespace Actors;

/// <summary>An actor API was used where it is not allowed (e.g. outside an actor).</summary>
public class IllegalActorStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IllegalActorStateException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public IllegalActorStateException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public IllegalActorStateException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
