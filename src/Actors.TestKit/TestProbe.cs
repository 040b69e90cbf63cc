namespace Actors.TestKit;

/// <summary>
/// A test actor with its own message queue: pass it where an actor reference is needed, then assert what it
/// received. It is an <see cref="IActorRef"/> itself.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1036", Justification = "Ordering of references is for sorting only, as in IActorRef.")]
public sealed class TestProbe : TestKitBase, IActorRef, IWrappedActorRef
{
    private static int s_counter;
    private readonly TestKitBase _kit;
    private readonly IActorRef _ref;

    internal TestProbe(TestKitBase kit, string? name)
    {
        _kit = kit;
        _ref = kit.Sys.ActorOf(Props.Create(() => new TestActor(Writer)), name ?? $"testProbe-{Interlocked.Increment(ref s_counter)}");
    }

    /// <inheritdoc/>
    public override ActorSystem Sys => _kit.Sys;

    /// <inheritdoc/>
    public override IActorRef TestActor => _ref;

    /// <inheritdoc/>
    public override TestKitSettings TestKitSettings => _kit.TestKitSettings;

    /// <inheritdoc/>
    public override VirtualTimeProvider? Clock => _kit.Clock;

    IActorRef IWrappedActorRef.Underlying => _ref;

    /// <summary>The probe's actor reference.</summary>
    public IActorRef Ref => _ref;

    /// <inheritdoc/>
    public ActorPath Path => _ref.Path;

    /// <inheritdoc/>
    public void Tell(object message, IActorRef? sender) => _ref.Tell(message, sender);

    /// <summary>Sends <paramref name="message"/> to the sender of the last received message, from this probe.</summary>
    /// <param name="message">The reply.</param>
    public void Reply(object message) => LastSender.Tell(message, _ref);

    /// <summary>Forwards the last received message to <paramref name="target"/>, keeping its original sender.</summary>
    /// <param name="target">Where to send it.</param>
    public void Forward(IActorRef target) => Forward(target, LastMessage ?? throw new TestKitException("Nothing received yet to forward."));

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with the last sender as its sender.</summary>
    /// <param name="target">Where to send it.</param>
    /// <param name="message">The message.</param>
    public void Forward(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, LastSender);
    }

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with this probe as the sender.</summary>
    /// <param name="target">Where to send it.</param>
    /// <param name="message">The message.</param>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, _ref);
    }

    /// <inheritdoc/>
    public bool Equals(IActorRef? other) => _ref.Equals(other is TestProbe p ? p._ref : other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _ref.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(IActorRef? other) => _ref.CompareTo(other is TestProbe p ? p._ref : other);

    /// <inheritdoc/>
    public override string ToString() => $"TestProbe({_ref.Path})";
}
