namespace Actors;

/// <summary>
/// An actor whose behavior is a list of typed handlers registered in its constructor (or in a
/// <see cref="Become(Action)"/> block); the first handler whose type and predicate match takes the message.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private List<ReceiveHandler> _handlers = new();
    private List<ReceiveHandler>? _configuring;
    private Stack<List<ReceiveHandler>>? _stack;
    private Type? _cachedType;
    private List<ReceiveHandler>? _cachedList;
    private int _cachedStart;

    private List<ReceiveHandler> Target => _configuring ?? _handlers;

    /// <summary>Handles messages of type <typeparamref name="T"/> (matching <paramref name="shouldHandle"/> if given).</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="handler">The handler.</param>
    /// <param name="shouldHandle">An optional filter.</param>
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Target.Add(new ActionHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> matching <paramref name="shouldHandle"/>.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="shouldHandle">The filter.</param>
    /// <param name="handler">The handler.</param>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        Receive(handler, shouldHandle);
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> matching <paramref name="shouldHandle"/> asynchronously.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="shouldHandle">The filter.</param>
    /// <param name="handler">The handler.</param>
    protected void ReceiveAsync<T>(Predicate<T> shouldHandle, Func<T, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        ReceiveAsync(handler, shouldHandle);
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> for which <paramref name="handler"/> returns true.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="handler">The handler; returning false passes the message on to later handlers.</param>
    protected void Receive<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Target.Add(new FuncHandler<T>(handler));
    }

    /// <summary>
    /// Handles messages of type <typeparamref name="T"/> asynchronously: no other message is processed until the task
    /// completes, continuations run as the actor, and a faulted task is a failure of the actor.
    /// </summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="handler">The handler.</param>
    /// <param name="shouldHandle">An optional filter.</param>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Target.Add(new AsyncHandler<T>(this, handler, shouldHandle));
    }

    /// <summary>Handles any message not taken by an earlier handler.</summary>
    /// <param name="handler">The handler.</param>
    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Target.Add(new ActionHandler<object>(handler, null));
    }

    /// <summary>Handles any message asynchronously (see <c>ReceiveAsync</c>).</summary>
    /// <param name="handler">The handler.</param>
    protected void ReceiveAnyAsync(Func<object, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Target.Add(new AsyncHandler<object>(this, handler, null));
    }

    /// <summary>Replaces the handlers with those registered by <paramref name="configure"/>.</summary>
    /// <param name="configure">Registers the new handlers.</param>
    protected void Become(Action configure)
    {
        List<ReceiveHandler> next = Configure(configure);
        if (_stack is { Count: > 0 })
        {
            _stack.Pop();
            _stack.Push(next);
        }
        else
        {
            _handlers = next;
        }
    }

    /// <summary>Pushes the handlers registered by <paramref name="configure"/>; <see cref="UnbecomeStacked"/> pops them.</summary>
    /// <param name="configure">Registers the new handlers.</param>
    protected void BecomeStacked(Action configure)
    {
        List<ReceiveHandler> next = Configure(configure);
        (_stack ??= new Stack<List<ReceiveHandler>>()).Push(next);
    }

    /// <summary>Pops handlers pushed by <see cref="BecomeStacked(Action)"/> (or a behavior pushed on the context).</summary>
    protected new void UnbecomeStacked()
    {
        if (_stack is { Count: > 0 })
        {
            _stack.Pop();
        }
        else
        {
            Context.UnbecomeStacked();
        }
    }

    private List<ReceiveHandler> Configure(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var next = new List<ReceiveHandler>();
        _configuring = next;
        try
        {
            configure();
        }
        finally
        {
            _configuring = null;
        }

        return next;
    }

    /// <inheritdoc/>
    protected sealed override bool Receive(object message)
    {
        List<ReceiveHandler> handlers = _stack is { Count: > 0 } ? _stack.Peek() : _handlers;
        Type type = message.GetType();
        int start;
        if (ReferenceEquals(type, _cachedType) && ReferenceEquals(handlers, _cachedList))
        {
            start = _cachedStart;
        }
        else
        {
            start = 0;
            while (start < handlers.Count && !handlers[start].Accepts(type))
            {
                start++;
            }

            if (start < handlers.Count)
            {
                // Handlers are only ever appended, so the first that accepts this type stays the first.
                _cachedType = type;
                _cachedList = handlers;
                _cachedStart = start;
            }
        }

        for (int i = start; i < handlers.Count; i++)
        {
            if (handlers[i].TryHandle(message, type))
            {
                return true;
            }
        }

        return false;
    }

    private abstract class ReceiveHandler
    {
        public abstract bool TryHandle(object message, Type type);

        /// <summary>Whether a message of this exact type could reach the handler (ignoring any predicate).</summary>
        public abstract bool Accepts(Type type);
    }

    private sealed class ActionHandler<T>(Action<T> handler, Predicate<T>? shouldHandle) : ReceiveHandler
    {
        public override bool Accepts(Type type) => typeof(T).IsAssignableFrom(type);

        // For a sealed reference type, "is T" is exactly "has type T": one pointer compare instead of the cast
        // helper that shared generic code needs for every message.
        private readonly Type? _exactType = typeof(T).IsValueType || !typeof(T).IsSealed ? null : typeof(T);

        public override bool TryHandle(object message, Type type)
        {
            T typed;
            if (_exactType is not null)
            {
                if (type != _exactType)
                {
                    return false;
                }

                typed = System.Runtime.CompilerServices.Unsafe.As<object, T>(ref message);
            }
            else if (message is T cast)
            {
                typed = cast;
            }
            else
            {
                return false;
            }

            if (shouldHandle is not null && !shouldHandle(typed))
            {
                return false;
            }

            handler(typed);
            return true;
        }
    }

    private sealed class FuncHandler<T>(Func<T, bool> handler) : ReceiveHandler
    {
        public override bool Accepts(Type type) => typeof(T).IsAssignableFrom(type);

        public override bool TryHandle(object message, Type type) => message is T typed && handler(typed);
    }

    private sealed class AsyncHandler<T>(ReceiveActor owner, Func<T, Task> handler, Predicate<T>? shouldHandle) : ReceiveHandler
    {
        public override bool Accepts(Type type) => typeof(T).IsAssignableFrom(type);

        public override bool TryHandle(object message, Type type)
        {
            if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
            {
                owner.CellInternal.RunAsyncHandler(() => handler(typed));
                return true;
            }

            return false;
        }
    }
}
