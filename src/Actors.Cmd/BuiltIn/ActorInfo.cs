namespace Actors.Cmd;

/// <summary>One actor of <c>actor hierarchy</c>.</summary>
/// <param name="Name">The actor's name.</param>
/// <param name="Path">Its path without address.</param>
/// <param name="Type">The actor's class.</param>
/// <param name="State">running, starting, suspended, stopping or terminated.</param>
/// <param name="Children">Its children, down to the requested depth (<see langword="null"/> beyond it).</param>
public sealed record ActorNodeInfo(string Name, string Path, string Type, string State, IReadOnlyList<ActorNodeInfo>? Children);

/// <summary>The statistics of one actor reported by <c>actor stat</c>.</summary>
/// <param name="Path">Its path without address.</param>
/// <param name="Type">The actor's class.</param>
/// <param name="State">running, starting, suspended, stopping or terminated.</param>
/// <param name="MailboxDepth">Messages waiting.</param>
/// <param name="MessagesProcessed">Messages processed since it was created (across restarts).</param>
/// <param name="Restarts">Times it was restarted.</param>
/// <param name="Children">How many live children it has.</param>
/// <param name="Dispatcher">Its dispatcher id.</param>
/// <param name="Mailbox">Its mailbox id.</param>
public sealed record ActorStatInfo(string Path, string Type, string State, int MailboxDepth, long MessagesProcessed, int Restarts, int Children, string Dispatcher, string Mailbox);
