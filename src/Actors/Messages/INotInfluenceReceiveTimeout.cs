namespace Actors;

/// <summary>Messages of a type implementing this do not reset an actor's receive timeout.</summary>
public interface INotInfluenceReceiveTimeout
{
}
