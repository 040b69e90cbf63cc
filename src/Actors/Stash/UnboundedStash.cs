namespace Actors;

/// <summary>The stash of one actor; only the actor's own turn touches it.</summary>
internal sealed class UnboundedStash(ActorCell cell) : IStash
{
    private readonly List<Envelope> _stashed = new();
    private object? _lastStashed;
    private long _lastStashedAt = -1;

    public int Count => _stashed.Count;

    public void Stash()
    {
        object message = cell.CurrentMessage ?? throw new IllegalActorStateException("Stash() was called with no message being processed.");
        if (ReferenceEquals(message, _lastStashed) && _lastStashedAt == cell.MessagesProcessed)
        {
            throw new IllegalActorStateException($"The message {message.GetType().Name} was stashed twice.");
        }

        _lastStashed = message;
        _lastStashedAt = cell.MessagesProcessed;
        _stashed.Add(new Envelope(message, cell.CurrentSenderOrNull));
    }

    public void Unstash()
    {
        if (_stashed.Count == 0)
        {
            return;
        }

        Envelope first = _stashed[0];
        _stashed.RemoveAt(0);
        cell.Mailbox.Prepend([first]);
    }

    public void UnstashAll() => UnstashAll(static _ => true);

    public void UnstashAll(Func<Envelope, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var taken = new List<Envelope>();
        _stashed.RemoveAll(e =>
        {
            if (predicate(e))
            {
                taken.Add(e);
                return true;
            }

            return false;
        });
        cell.Mailbox.Prepend(taken);
    }

    public IEnumerable<Envelope> ClearStash()
    {
        Envelope[] all = _stashed.ToArray();
        _stashed.Clear();
        return all;
    }

    internal void UnstashAllForRestart() => UnstashAll();

    internal void ClearToDeadLetters()
    {
        foreach (Envelope e in ClearStash())
        {
            cell.System.DeadLetters.Tell(new DeadLetter(e.Message, e.Sender, cell.Self), e.Sender);
        }
    }
}
