namespace Actors.Sessions.Worker;

/// <summary>A message the upstream pushed to an instance, published on the event stream.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="From">The sender, as the upstream names it.</param>
/// <param name="Text">The text.</param>
public sealed record SessionInbound(string InstanceId, string? From, string? Text);
