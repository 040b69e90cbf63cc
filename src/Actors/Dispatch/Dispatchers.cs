namespace Actors;

/// <summary>Well-known dispatcher ids.</summary>
public static class Dispatchers
{
    /// <summary>The thread-pool dispatcher every actor uses unless its props say otherwise.</summary>
    public const string DefaultDispatcherId = "default-dispatcher";
}
