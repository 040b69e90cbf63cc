namespace Actors.Chaos.Monkey;

/// <summary>A registered fault as the status shows it.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it breaks and how that heals.</param>
/// <param name="Weight">Its weight (0 = off).</param>
public sealed record ChaosFaultInfo(string Name, string Description, double Weight);
