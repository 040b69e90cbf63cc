namespace Actors.Chaos.Monkey;

/// <summary>Starts injecting (or changes the rate while running); answered with <see cref="ChaosStatus"/>, or <see cref="ChaosRefused"/> for a rate out of range or when every fault is off.</summary>
/// <param name="RatePerSecond">Faults per second; <see langword="null"/> keeps the current rate (the configured one at first).</param>
public sealed record StartChaos(double? RatePerSecond = null);

/// <summary>Stops injecting; answered with <see cref="ChaosStatus"/> once every injection in flight has finished and every fault's standing effects were cleared.</summary>
public sealed record StopChaos
{
    /// <summary>The single instance.</summary>
    public static StopChaos Instance { get; } = new();
}

/// <summary>Asks for the monkey's status; answered with <see cref="ChaosStatus"/>.</summary>
public sealed record GetChaosStatus
{
    /// <summary>The single instance.</summary>
    public static GetChaosStatus Instance { get; } = new();
}

/// <summary>The answer to a request the monkey will not carry out.</summary>
/// <param name="Reason">Why, with what is allowed.</param>
public sealed record ChaosRefused(string Reason);
