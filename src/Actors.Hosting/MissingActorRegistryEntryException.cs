namespace Actors.Hosting;

/// <summary>No actor is (or was, in time) registered in the <see cref="ActorRegistry"/> under a key.</summary>
public sealed class MissingActorRegistryEntryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MissingActorRegistryEntryException()
        : this("No actor is registered under the requested key.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public MissingActorRegistryEntryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public MissingActorRegistryEntryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal MissingActorRegistryEntryException(Type key, string message, Exception? innerException = null)
        : base(message, innerException) => Key = key;

    /// <summary>The key that was looked up, when known.</summary>
    public Type? Key { get; }
}
