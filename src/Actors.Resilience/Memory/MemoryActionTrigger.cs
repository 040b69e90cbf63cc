namespace Actors.Resilience.Memory;

/// <summary>Who asked for a memory action.</summary>
public enum MemoryActionTrigger
{
    /// <summary>The guard's own sampling crossed a threshold.</summary>
    Automatic,

    /// <summary>An operator (an admin endpoint or a command) asked for it.</summary>
    Manual,
}
