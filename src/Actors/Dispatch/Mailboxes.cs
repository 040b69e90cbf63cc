namespace Actors;

/// <summary>Well-known mailbox ids.</summary>
public static class Mailboxes
{
    /// <summary>The unbounded mailbox.</summary>
    public const string DefaultMailboxId = "default-mailbox";

    /// <summary>A bounded mailbox (capacity 1,000 unless configured); overflow goes to dead letters, never blocking the sender.</summary>
    public const string BoundedMailboxId = "bounded-mailbox";
}
