namespace Actors.Hosting;

/// <summary>
/// The actor registered in the <see cref="ActorRegistry"/> under <typeparamref name="TKey"/>, injected by dependency
/// injection. Never <see cref="ActorRefs.Nobody"/>: when the actor is not registered yet, the lookup waits up to
/// <c>actors.hosting.required-actor-timeout</c> and then fails with an error naming the key.
/// </summary>
/// <typeparam name="TKey">The registry key.</typeparam>
public interface IRequiredActor<TKey>
{
    /// <summary>
    /// The actor; blocks the calling thread until it is registered (up to the timeout). Prefer
    /// <see cref="GetAsync"/> in code that starts with the host, such as a <c>BackgroundService</c>.
    /// </summary>
    /// <exception cref="MissingActorRegistryEntryException">Nothing was registered in time.</exception>
    /// <exception cref="ActorSystemStartupException">The actor system failed to start.</exception>
    IActorRef ActorRef { get; }

    /// <summary>Waits until the actor is registered (up to the timeout).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The actor.</returns>
    /// <exception cref="MissingActorRegistryEntryException">Nothing was registered in time.</exception>
    /// <exception cref="ActorSystemStartupException">The actor system failed to start.</exception>
    Task<IActorRef> GetAsync(CancellationToken cancellationToken = default);
}
