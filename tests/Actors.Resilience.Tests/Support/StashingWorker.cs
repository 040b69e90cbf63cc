namespace Actors.Resilience.Tests.Support;

/// <summary>A worker that stashes everything until "open", then answers in order; "quit" stops it by itself; "boom" throws.</summary>
public sealed class StashingWorker : UntypedActor, IWithUnboundedStash
{
    private readonly string _id;
    private bool _open;

    public StashingWorker(string id) => _id = id;

    public IStash Stash { get; set; } = null!;

    public static Props Props(string id) => Akka.Actor.Props.Create(() => new StashingWorker(id));

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case "quit":
                Context.Stop(Self);
                break;
            case "boom":
                throw new InvalidOperationException("boom");
            case "open":
                _open = true;
                Stash.UnstashAll();
                break;
            case string s when _open:
                Sender.Tell($"{_id}:{s}");
                break;
            case string:
                Stash.Stash();
                break;
            default:
                Unhandled(message);
                break;
        }
    }
}
