namespace Actors;

/// <summary>
/// A kernel-to-kernel message (lifecycle, supervision, death watch). System messages are kept in an intrusive
/// lock-free list on the mailbox and are always processed before user messages.
/// </summary>
internal abstract class SystemMessage
{
    /// <summary>Link in the mailbox's system list; only the mailbox touches it.</summary>
    internal SystemMessage? Next;
}
