namespace Actors.Resilience.Units;

/// <summary>
/// An instance offers its region to send straight to its running worker (one hop less per message), under grant
/// <paramref name="Grant"/>. The region does not switch at once: it holds new messages and asks the instance with
/// <see cref="DirectProbe"/>, so that whatever it already forwarded to the instance reaches the worker first.
/// </summary>
internal sealed record DirectGrant(string Id, IActorRef Worker, int Grant);

/// <summary>The region's marker behind everything it forwarded to the instance; the instance answers <see cref="DirectConfirm"/>.</summary>
internal sealed record DirectProbe(int Grant);

/// <summary>The instance's answer to <see cref="DirectProbe"/>: whether the grant still stands.</summary>
internal sealed record DirectConfirm(string Id, int Grant, bool Stands);

/// <summary>
/// The instance withdraws grant <paramref name="Grant"/> (its worker failed or stopped): the region routes through the
/// instance again and answers <see cref="DirectRevoked"/>, after which nothing more is sent straight to the worker.
/// </summary>
internal sealed record DirectRevoke(string Id, int Grant);

/// <summary>The region's answer to <see cref="DirectRevoke"/>: everything it sent straight is in the worker's mailbox.</summary>
internal sealed record DirectRevoked(int Grant);
