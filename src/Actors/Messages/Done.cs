namespace Actors;

/// <summary>A completion marker with no payload.</summary>
public sealed class Done
{
    private Done()
    {
    }

    /// <summary>The single instance.</summary>
    public static Done Instance { get; } = new();
}
