namespace Actors;

/// <summary>An actor with an unbounded stash; the kernel sets <see cref="Stash"/> before the actor's first message.</summary>
public interface IWithUnboundedStash
{
    /// <summary>The stash. Stashed messages survive restarts (they are put back in the mailbox) and go to dead letters on stop.</summary>
    IStash Stash { get; set; }
}
