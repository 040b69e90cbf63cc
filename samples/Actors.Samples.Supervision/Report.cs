namespace Actors.Samples.Supervision;

/// <summary>What the demo achieved.</summary>
internal sealed record Report(int Delivered, int Restarts, int Incarnation);
