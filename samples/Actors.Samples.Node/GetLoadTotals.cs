namespace Actors.Samples.Node;

/// <summary>Asks the load generator for its totals (answered with <see cref="LoadTotals"/>); <see cref="Stop"/> stops sending first.</summary>
/// <param name="Stop">Whether to stop sending.</param>
internal sealed record GetLoadTotals(bool Stop);
