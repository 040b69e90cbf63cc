namespace Actors;

/// <summary>The root: when <c>/user</c> has stopped, stops <c>/system</c> and then itself.</summary>
internal sealed class RootGuardian : ActorBase
{
    protected override void PreStart() => Context.Watch(((ActorSystemImpl)Context.System).UserGuardian.Self);

    protected override bool Receive(object message)
    {
        if (message is Terminated t && ReferenceEquals(t.ActorRef, ((ActorSystemImpl)Context.System).UserGuardian.Self))
        {
            Context.Stop(Self);
            return true;
        }

        return false;
    }
}
