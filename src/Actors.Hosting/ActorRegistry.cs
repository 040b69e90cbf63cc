using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Actors.Hosting;

/// <summary>
/// Top-level actors by key type, for dependency injection. It never hands out <see cref="ActorRefs.Nobody"/>: a lookup
/// of an actor that is not registered yet either fails at once with an error naming the key (<see cref="Get{TKey}"/>)
/// or waits for the registration (<see cref="GetAsync{TKey}(CancellationToken)"/>). Safe from any thread.
/// </summary>
public sealed class ActorRegistry
{
    private readonly ConcurrentDictionary<Type, TaskCompletionSource<IActorRef>> _entries = new();
    private readonly TimeProvider _timeProvider;
    private volatile Exception? _failure;

    /// <summary>Creates an empty registry.</summary>
    /// <param name="timeProvider">The clock for lookup timeouts; <see cref="TimeProvider.System"/> when null.</param>
    public ActorRegistry(TimeProvider? timeProvider = null) => _timeProvider = timeProvider ?? TimeProvider.System;

    /// <summary>Registers <paramref name="actor"/> under <typeparamref name="TKey"/> and wakes waiting lookups.</summary>
    /// <typeparam name="TKey">The key: usually the actor's type or a marker type.</typeparam>
    /// <param name="actor">The actor; never <see cref="ActorRefs.Nobody"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="actor"/> is Nobody.</exception>
    /// <exception cref="InvalidOperationException">Another actor is already registered under the key.</exception>
    public void Register<TKey>(IActorRef actor)
    {
        if (!TryRegister<TKey>(actor))
        {
            throw new InvalidOperationException(
                $"An actor is already registered under key {KeyName(typeof(TKey))} ({Entry(typeof(TKey)).Task.Result.Path}); each key holds one actor.");
        }
    }

    /// <summary>Registers <paramref name="actor"/> under <typeparamref name="TKey"/> unless the key is taken.</summary>
    /// <typeparam name="TKey">The key.</typeparam>
    /// <param name="actor">The actor; never <see cref="ActorRefs.Nobody"/>.</param>
    /// <returns>False when another actor is already registered under the key.</returns>
    /// <exception cref="ArgumentException"><paramref name="actor"/> is Nobody.</exception>
    public bool TryRegister<TKey>(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Equals(ActorRefs.Nobody))
        {
            throw new ArgumentException($"Cannot register Nobody under key {KeyName(typeof(TKey))}: register a live actor.", nameof(actor));
        }

        return Entry(typeof(TKey)).TrySetResult(actor);
    }

    /// <summary>Gets the actor registered under <typeparamref name="TKey"/>.</summary>
    /// <typeparam name="TKey">The key.</typeparam>
    /// <returns>The actor.</returns>
    /// <exception cref="MissingActorRegistryEntryException">No actor is registered under the key.</exception>
    public IActorRef Get<TKey>() =>
        TryGet<TKey>(out IActorRef? actor) ? actor : throw new MissingActorRegistryEntryException(typeof(TKey), Missing(typeof(TKey)));

    /// <summary>Gets the actor registered under <typeparamref name="TKey"/>, if any.</summary>
    /// <typeparam name="TKey">The key.</typeparam>
    /// <param name="actor">The actor, when registered.</param>
    /// <returns>Whether an actor is registered.</returns>
    public bool TryGet<TKey>([NotNullWhen(true)] out IActorRef? actor)
    {
        if (_entries.TryGetValue(typeof(TKey), out var entry) && entry.Task.IsCompletedSuccessfully)
        {
            actor = entry.Task.Result;
            return true;
        }

        actor = null;
        return false;
    }

    /// <summary>Waits until an actor is registered under <typeparamref name="TKey"/>.</summary>
    /// <typeparam name="TKey">The key.</typeparam>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The actor.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled first.</exception>
    /// <exception cref="ActorSystemStartupException">The actor system failed to start, so the actor will never be registered.</exception>
    public Task<IActorRef> GetAsync<TKey>(CancellationToken cancellationToken = default) =>
        Entry(typeof(TKey)).Task.WaitAsync(cancellationToken);

    /// <summary>Waits up to <paramref name="timeout"/> for an actor to be registered under <typeparamref name="TKey"/>.</summary>
    /// <typeparam name="TKey">The key.</typeparam>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The actor.</returns>
    /// <exception cref="MissingActorRegistryEntryException">Nothing was registered in time; the message names the key.</exception>
    /// <exception cref="ActorSystemStartupException">The actor system failed to start.</exception>
    public Task<IActorRef> GetAsync<TKey>(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        GetAsync(typeof(TKey), timeout, cancellationToken);

    internal async Task<IActorRef> GetAsync(Type key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task<IActorRef> task = Entry(key).Task;
        if (task.IsCompleted)
        {
            return await task.ConfigureAwait(false);
        }

        try
        {
            return await task.WaitAsync(timeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new MissingActorRegistryEntryException(
                key,
                $"No actor was registered under key {KeyName(key)} within {timeout}: register it with registry.Register<{key.Name}>(actorRef) " +
                "in WithActors, or check the start-up log for an earlier failure.",
                e);
        }
    }

    internal TaskCompletionSource<IActorRef> Entry(Type key)
    {
        var entry = _entries.GetOrAdd(key, static _ => new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_failure is { } failure)
        {
            entry.TrySetException(failure);
        }

        return entry;
    }

    /// <summary>Fails every pending and future lookup: the actor system did not start.</summary>
    internal void Fail(Exception cause, int exitCode)
    {
        var failure = new ActorSystemStartupException($"The actor system failed to start, so no actor will be registered: {cause.Message}", cause) { ExitCode = exitCode };
        _failure = failure;
        foreach (var entry in _entries.Values)
        {
            entry.TrySetException(failure);
        }
    }

    internal static string KeyName(Type key) => key.FullName ?? key.Name;

    private string Missing(Type key)
    {
        string registered = string.Join(", ", _entries.Where(e => e.Value.Task.IsCompletedSuccessfully).Select(e => e.Key.Name).Order(StringComparer.Ordinal));
        return $"No actor is registered under key {KeyName(key)} (registered: {(registered.Length == 0 ? "none" : registered)}). " +
            $"Register it with registry.Register<{key.Name}>(actorRef) in WithActors, or use GetAsync/IRequiredActor<{key.Name}> to wait for it.";
    }
}
