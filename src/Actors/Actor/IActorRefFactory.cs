namespace Actors;

/// <summary>Something that creates actors and looks them up: the system (top-level actors) or an actor's context (children).</summary>
public interface IActorRefFactory
{
    /// <summary>Creates and starts an actor.</summary>
    /// <param name="props">How to create it.</param>
    /// <param name="name">Its name; generated (<c>$a</c>, <c>$b</c>...) when <see langword="null"/>.</param>
    /// <returns>The new actor's reference.</returns>
    /// <exception cref="InvalidActorNameException">The name is malformed or already taken.</exception>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Selects actors by path: absolute (<c>/user/a</c>, <c>actors://sys/user/a</c>) or relative (<c>../b</c>, <c>c/d</c>), with <c>*</c> and <c>?</c> wildcards.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The selection.</returns>
    ActorSelection ActorSelection(string path);
}
