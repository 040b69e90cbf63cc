namespace Actors;

/// <summary>Sets messages aside to process later, in order. Use only from the actor's own handlers.</summary>
public interface IStash
{
    /// <summary>How many messages are stashed.</summary>
    int Count { get; }

    /// <summary>Stashes the message being processed.</summary>
    /// <exception cref="IllegalActorStateException">The same message is stashed twice, or there is no current message.</exception>
    void Stash();

    /// <summary>Puts the oldest stashed message back at the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts all stashed messages back at the front of the mailbox, oldest first.</summary>
    void UnstashAll();

    /// <summary>Puts the stashed messages matching <paramref name="predicate"/> back, oldest first; the rest stay.</summary>
    /// <param name="predicate">Which messages to unstash.</param>
    void UnstashAll(Func<Envelope, bool> predicate);

    /// <summary>Empties the stash and returns what it held.</summary>
    /// <returns>The stashed envelopes, oldest first.</returns>
    IEnumerable<Envelope> ClearStash();
}
