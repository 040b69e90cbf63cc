namespace Actors;

/// <summary>An actor with a single <see cref="OnReceive"/> method; call <see cref="ActorBase.Unhandled"/> for what it does not take.</summary>
public abstract class UntypedActor : ActorBase
{
    /// <summary>Handles a message.</summary>
    /// <param name="message">The message.</param>
    protected abstract void OnReceive(object message);

    /// <inheritdoc/>
    protected sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }

    /// <summary>Replaces the behavior with <paramref name="receive"/>.</summary>
    /// <param name="receive">The new behavior.</param>
    protected void Become(UntypedReceive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        Context.Become(m =>
        {
            receive(m);
            return true;
        });
    }

    /// <summary>Pushes <paramref name="receive"/> as the behavior.</summary>
    /// <param name="receive">The new behavior.</param>
    protected void BecomeStacked(UntypedReceive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        Context.BecomeStacked(m =>
        {
            receive(m);
            return true;
        });
    }
}
