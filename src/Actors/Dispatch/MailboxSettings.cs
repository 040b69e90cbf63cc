namespace Actors;

/// <summary>How a mailbox holds user messages.</summary>
/// <param name="Capacity">0 for an unbounded mailbox; otherwise the most messages held before new ones go to dead letters.</param>
internal sealed record MailboxSettings(int Capacity)
{
    public static readonly MailboxSettings Unbounded = new(0);
}
