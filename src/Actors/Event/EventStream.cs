using System.Collections.Concurrent;

namespace Actors.Event;

/// <summary>
/// Publish/subscribe by event type: a subscriber to a type receives every published event assignable to it.
/// Publishing is lock-free; subscribing rebuilds a per-type cache. Terminated subscribers are dropped.
/// </summary>
public sealed class EventStream
{
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<Type, IActorRef[]> _cache = new();
    private readonly ActorSystem _system;
    private (Type Channel, IActorRef Subscriber)[] _subscriptions = Array.Empty<(Type, IActorRef)>();

    internal EventStream(ActorSystem system) => _system = system;

    /// <summary>Subscribes <paramref name="subscriber"/> to events assignable to <paramref name="channel"/>.</summary>
    /// <param name="subscriber">The actor to receive events.</param>
    /// <param name="channel">The event type.</param>
    /// <returns>False when it was already subscribed to that channel.</returns>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            foreach ((Type c, IActorRef s) in _subscriptions)
            {
                if (c == channel && s.Equals(subscriber))
                {
                    return false;
                }
            }

            _subscriptions = [.. _subscriptions, (channel, subscriber)];
            _cache.Clear();
            return true;
        }
    }

    /// <summary>Subscribes <paramref name="subscriber"/> to events assignable to <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <param name="subscriber">The actor.</param>
    /// <returns>False when it was already subscribed.</returns>
    public bool Subscribe<T>(IActorRef subscriber) => Subscribe(subscriber, typeof(T));

    /// <summary>Removes one subscription.</summary>
    /// <param name="subscriber">The actor.</param>
    /// <param name="channel">The event type.</param>
    /// <returns>Whether it was subscribed.</returns>
    public bool Unsubscribe(IActorRef subscriber, Type channel) => RemoveWhere(s => s.Channel == channel && s.Subscriber.Equals(subscriber));

    /// <summary>Removes all subscriptions of <paramref name="subscriber"/>.</summary>
    /// <param name="subscriber">The actor.</param>
    /// <returns>Whether it had any.</returns>
    public bool Unsubscribe(IActorRef subscriber) => RemoveWhere(s => s.Subscriber.Equals(subscriber));

    private bool RemoveWhere(Func<(Type Channel, IActorRef Subscriber), bool> predicate)
    {
        lock (_gate)
        {
            var kept = _subscriptions.Where(s => !predicate(s)).ToArray();
            if (kept.Length == _subscriptions.Length)
            {
                return false;
            }

            _subscriptions = kept;
            _cache.Clear();
            return true;
        }
    }

    /// <summary>Publishes <paramref name="event"/> to every subscriber of a type it is assignable to.</summary>
    /// <param name="event">The event.</param>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        Type type = @event.GetType();
        if (!_cache.TryGetValue(type, out IActorRef[]? targets))
        {
            targets = Resolve(type);
        }

        foreach (IActorRef target in targets)
        {
            if (ActorCell.Unwrap(target) is InternalActorRef { IsTerminated: true })
            {
                Unsubscribe(target);
                continue;
            }

            target.Tell(@event, null);
        }
    }

    private IActorRef[] Resolve(Type type)
    {
        lock (_gate)
        {
            var targets = new List<IActorRef>();
            foreach ((Type channel, IActorRef subscriber) in _subscriptions)
            {
                if (channel.IsAssignableFrom(type) && !targets.Contains(subscriber))
                {
                    targets.Add(subscriber);
                }
            }

            IActorRef[] array = targets.ToArray();
            _cache[type] = array;
            return array;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"EventStream({_system.Name})";
}
