namespace Actors;

/// <summary>
/// An immutable recipe for an actor: how to construct it, and where it runs (dispatcher, mailbox) and how it
/// supervises its children. Props can be shared and reused; each <c>ActorOf</c> creates a fresh instance.
/// </summary>
public sealed record Props
{
    private readonly Func<ActorBase> _factory;

    private Props(Type type, Func<ActorBase> factory)
    {
        Type = type;
        _factory = factory;
    }

    /// <summary>The actor's type.</summary>
    public Type Type { get; }

    /// <summary>The dispatcher id.</summary>
    /// <value>Defaults to <c>default-dispatcher</c>.</value>
    public string Dispatcher { get; init; } = Dispatchers.DefaultDispatcherId;

    /// <summary>The mailbox id.</summary>
    /// <value>Defaults to <c>default-mailbox</c> (unbounded).</value>
    public string Mailbox { get; init; } = Mailboxes.DefaultMailboxId;

    /// <summary>The strategy the actor applies to its children, overriding its own <c>SupervisorStrategy()</c>.</summary>
    /// <value>Defaults to <see langword="null"/> (use the actor's).</value>
    public SupervisorStrategy? SupervisorStrategy { get; init; }

    /// <summary>Props for an actor created with its parameterless constructor.</summary>
    /// <typeparam name="T">The actor type.</typeparam>
    /// <returns>The props.</returns>
    public static Props Create<T>() where T : ActorBase, new() => new(typeof(T), static () => new T());

    /// <summary>Props for an actor created by <paramref name="factory"/>, e.g. <c>() => new Worker(id)</c>.</summary>
    /// <typeparam name="T">The actor type.</typeparam>
    /// <param name="factory">Creates a fresh instance each time it is called (at start and at every restart).</param>
    /// <returns>The props.</returns>
    public static Props Create<T>(Func<T> factory) where T : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new(typeof(T), factory);
    }

    /// <summary>Props for an actor of <paramref name="type"/> created with the constructor matching <paramref name="args"/>.</summary>
    /// <param name="type">A type deriving from <see cref="ActorBase"/>.</param>
    /// <param name="args">Constructor arguments.</param>
    /// <returns>The props.</returns>
    public static Props Create(Type type, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!typeof(ActorBase).IsAssignableFrom(type))
        {
            throw new ArgumentException($"{type} does not derive from ActorBase.", nameof(type));
        }

        return new(type, () => (ActorBase)Activator.CreateInstance(type, args)!);
    }

    /// <summary>Returns props that run on the dispatcher <paramref name="dispatcherId"/>.</summary>
    /// <param name="dispatcherId">A configured dispatcher id.</param>
    /// <returns>The new props.</returns>
    public Props WithDispatcher(string dispatcherId) => this with { Dispatcher = dispatcherId };

    /// <summary>Returns props that use the mailbox <paramref name="mailboxId"/> (e.g. <c>bounded-mailbox</c>).</summary>
    /// <param name="mailboxId">A configured mailbox id.</param>
    /// <returns>The new props.</returns>
    public Props WithMailbox(string mailboxId) => this with { Mailbox = mailboxId };

    /// <summary>Returns props whose actor supervises its children with <paramref name="strategy"/>.</summary>
    /// <param name="strategy">The strategy.</param>
    /// <returns>The new props.</returns>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy) => this with { SupervisorStrategy = strategy };

    internal ActorBase NewActor() => _factory();

    /// <inheritdoc/>
    public override string ToString() => $"Props({Type.Name}, dispatcher={Dispatcher}, mailbox={Mailbox})";
}
