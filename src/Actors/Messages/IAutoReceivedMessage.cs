namespace Actors;

/// <summary>Marks messages the kernel handles itself before the actor's behavior sees them.</summary>
internal interface IAutoReceivedMessage
{
}
