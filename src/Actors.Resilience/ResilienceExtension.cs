namespace Actors.Resilience;

/// <summary>Keeps the <see cref="ResilienceRuntime"/> of an actor system as an Akka extension, so any part of the system can find it.</summary>
internal sealed class ResilienceExtension : IExtension
{
    private ResilienceRuntime? _runtime;

    public ResilienceRuntime? Runtime => Volatile.Read(ref _runtime);

    /// <summary>Records <paramref name="runtime"/>; false when the system already has one.</summary>
    public bool TrySet(ResilienceRuntime runtime) => Interlocked.CompareExchange(ref _runtime, runtime, null) is null;
}
