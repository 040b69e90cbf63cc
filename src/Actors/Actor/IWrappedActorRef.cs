namespace Actors;

/// <summary>A public reference type that stands for a kernel reference (e.g. a test probe).</summary>
internal interface IWrappedActorRef
{
    IActorRef Underlying { get; }
}
