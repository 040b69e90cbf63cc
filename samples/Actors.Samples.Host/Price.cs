namespace Actors.Samples.Host;

/// <summary>A simulated market price.</summary>
internal sealed record Price(string Symbol, decimal Value, int Sequence);
