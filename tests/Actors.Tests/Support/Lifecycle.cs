namespace Actors.Tests.Support;

/// <summary>Lifecycle notifications sent by <see cref="LifecycleActor"/> to its probe.</summary>
public sealed record Started(string Name);

public sealed record Stopped(string Name);

public sealed record PreRestarted(string Name, Exception Reason, object? Message);

public sealed record PostRestarted(string Name, Exception Reason);

/// <summary>Adds to the actor's state.</summary>
public sealed record Add(int Amount);

/// <summary>Asks for the actor's state (answered with an int).</summary>
public sealed record GetState
{
    public static GetState Instance { get; } = new();
}

/// <summary>Makes the actor throw <see cref="Cause"/>.</summary>
public sealed record Fail(Exception Cause);

/// <summary>Makes the actor create a child with the props and answer its reference.</summary>
public sealed record CreateChild(Props Props, string? Name = null);

/// <summary>
/// An actor with state that reports every lifecycle hook to a probe; <see cref="Fail"/> makes it throw.
/// </summary>
public sealed class LifecycleActor : ReceiveActor
{
    private readonly IActorRef _probe;
    private int _state;

    public LifecycleActor(IActorRef probe)
    {
        _probe = probe;
        Receive<Add>(a => _state += a.Amount);
        Receive<GetState>(_ => Sender.Tell(_state));
        Receive<Fail>(f => throw f.Cause);
        Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(c.Props, c.Name)));
        Receive<string>(s => Sender.Tell(s));
    }

    protected override void PreStart() => _probe.Tell(new Started(Self.Path.Name));

    protected override void PostStop() => _probe.Tell(new Stopped(Self.Path.Name));

    protected override void PreRestart(Exception reason, object? message)
    {
        _probe.Tell(new PreRestarted(Self.Path.Name, reason, message));
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        _probe.Tell(new PostRestarted(Self.Path.Name, reason));
        base.PostRestart(reason);
    }

    public static Props Props(IActorRef probe) => Actors.Props.Create(() => new LifecycleActor(probe));
}

/// <summary>A supervisor whose children are created on request (<see cref="CreateChild"/>); it forwards nothing.</summary>
public sealed class Supervisor : ReceiveActor
{
    public Supervisor()
    {
        Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(c.Props, c.Name)));
        Receive<Fail>(f => throw f.Cause);
    }

    public static Props Props(SupervisorStrategy strategy) => Actors.Props.Create(() => new Supervisor()).WithSupervisorStrategy(strategy);
}
