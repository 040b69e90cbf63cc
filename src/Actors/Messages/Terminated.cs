namespace Actors;

/// <summary>Delivered to a watcher when a watched actor has stopped. Unhandled, it fails the watcher with <see cref="DeathPactException"/>.</summary>
/// <param name="ActorRef">The actor that stopped.</param>
/// <param name="ExistenceConfirmed">False when the actor never existed or was already gone when watched.</param>
/// <param name="AddressTerminated">True when the actor's whole node is gone.</param>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed, bool AddressTerminated) : IAutoReceivedMessage;
