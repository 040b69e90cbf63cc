namespace Actors.Samples.Node;

/// <summary>
/// A unit worker that fails at random: its "connect" in PreStart is refused with probability
/// <paramref name="refuseConnect"/>, and each message fails with probability <paramref name="failMessage"/>.
/// Some instances have a bad upstream (a high refusal rate): their breakers open; the others heal by backoff.
/// </summary>
internal sealed class FlakyWorker : ReceiveActor
{
    private readonly string _id;
    private readonly double _refuseConnect;

    public FlakyWorker(string id, double refuseConnect, double failMessage)
    {
        _id = id;
        _refuseConnect = refuseConnect;
        Receive<Work>(work =>
        {
            if (Random.Shared.NextDouble() < failMessage)
            {
                FlakyStats.Failed();
                throw new WorkFailedException($"instance {_id} failed on request {work.Sequence}");
            }

            FlakyStats.Serve();
            Sender.Tell(new Done(work.Sequence));
        });
    }

    protected override void PreStart()
    {
        if (Random.Shared.NextDouble() < _refuseConnect)
        {
            FlakyStats.Refused();
            throw new ConnectionRefusedException($"upstream refused the connection of instance {_id}");
        }
    }
}
