namespace Actors;

/// <summary>
/// Actors chosen by a path from an anchor, resolved when a message is sent. Elements may be names,
/// <c>..</c>, or patterns with <c>*</c> (any run) and <c>?</c> (any one character).
/// </summary>
public sealed class ActorSelection : ICanTell
{
    private readonly IActorRef _anchor;
    private readonly string[] _elements;

    internal ActorSelection(IActorRef anchor, IReadOnlyList<string> elements)
    {
        _anchor = anchor;
        _elements = elements.ToArray();
    }

    /// <summary>The anchor the path starts from.</summary>
    public IActorRef Anchor => _anchor;

    /// <summary>The path as written, relative to the anchor.</summary>
    public string PathString => "/" + string.Join('/', _elements);

    /// <summary>Sends to every matching actor; with no match the message goes to dead letters.</summary>
    /// <param name="message">The message.</param>
    /// <param name="sender">The sender.</param>
    public void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        List<IActorRef> targets = Resolve();
        if (targets.Count == 0)
        {
            if (message is Identify identify)
            {
                // As in Akka.NET: an Identify that reaches nobody is answered, with no subject, not dead-lettered.
                sender?.Tell(new ActorIdentity(identify.MessageId, null), ActorRefs.NoSender);
                return;
            }

            if (_anchor is LocalActorRef local)
            {
                local.Cell.System.DeadLetters.Tell(new DeadLetter(message, sender, _anchor), sender);
            }
            else
            {
                // Anchored at dead letters (a path of another system): still publish the dead letter.
                _anchor.Tell(new DeadLetter(message, sender, _anchor), sender);
            }

            return;
        }

        foreach (IActorRef target in targets)
        {
            target.Tell(message, sender);
        }
    }

    /// <summary>Resolves to exactly one actor.</summary>
    /// <param name="timeout">Unused locally (resolution is immediate); kept for Akka.NET compatibility.</param>
    /// <returns>The actor.</returns>
    /// <exception cref="ActorNotFoundException">Nothing matches.</exception>
    public Task<IActorRef> ResolveOne(TimeSpan timeout)
    {
        List<IActorRef> targets = Resolve();
        return targets.Count > 0
            ? Task.FromResult(targets[0])
            : Task.FromException<IActorRef>(new ActorNotFoundException($"No actor at {_anchor.Path}{PathString}."));
    }

    internal List<IActorRef> Resolve()
    {
        var current = new List<IActorRef> { _anchor };
        foreach (string element in _elements)
        {
            var next = new List<IActorRef>();
            foreach (IActorRef r in current)
            {
                if (r is not LocalActorRef local)
                {
                    continue;
                }

                if (element == "..")
                {
                    if (local.Cell.Parent is LocalActorRef parent)
                    {
                        next.Add(parent);
                    }
                }
                else if (element == ".")
                {
                    next.Add(r);
                }
                else if (element.Contains('*', StringComparison.Ordinal) || element.Contains('?', StringComparison.Ordinal))
                {
                    foreach (InternalActorRef child in local.Cell.ChildrenSnapshot())
                    {
                        if (WildcardMatch(element, child.Path.Name))
                        {
                            next.Add(child);
                        }
                    }
                }
                else if (local.Cell.Child(element) is { } child)
                {
                    next.Add(child);
                }
            }

            current = next;
        }

        // Only live local actors are matches; an anchor that is not an actor (dead letters) matches nothing.
        current.RemoveAll(r => r is not LocalActorRef { IsTerminated: false });
        return current;
    }

    private static bool WildcardMatch(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <inheritdoc/>
    public override string ToString() => $"ActorSelection[{_anchor.Path}{PathString}]";
}
