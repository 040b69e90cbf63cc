namespace Actors.Soak;

/// <summary>How a soak runs.</summary>
internal sealed record SoakOptions
{
    /// <summary>How long chaos and the clients run; the node is killed once, at half of it.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Faults per second the node's chaos injects (actors.chaos.rate).</summary>
    public double ChaosRate { get; init; } = 2;

    /// <summary>How long health may take to be healthy again (and every feed streaming) after chaos stops.</summary>
    public TimeSpan HealthyBound { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How long the outboxes may take to deliver what they accepted after the clients stop.</summary>
    public TimeSpan DeliveryBound { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Session instances the clients send to.</summary>
    public int SessionInstances { get; init; } = 20;

    /// <summary>Concurrent session senders; each sends one message every <see cref="SendInterval"/>.</summary>
    public int Senders { get; init; } = 4;

    /// <summary>The pause between one sender's messages.</summary>
    public TimeSpan SendInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The pause between prediction jobs.</summary>
    public TimeSpan JobInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Where progress lines go (the console program: stdout; the test: its output helper).</summary>
    public Action<string> Progress { get; init; } = Console.WriteLine;
}
