namespace Actors.Resilience.Tests.Support;

/// <summary>A request numbered by the test; a failing one is answered and then throws.</summary>
public sealed record Request(int N, bool Fail = false);

/// <summary>A worker's answer to a <see cref="Request"/>.</summary>
public sealed record Reply(string Id, int N, bool Failed);

/// <summary>
/// A unit worker that answers every <see cref="Request"/> but a failing one, on which it throws: the unit answers that
/// one with <see cref="UnitWorkerFailed"/>.
/// </summary>
public sealed class AccountingWorker : ReceiveActor
{
    public AccountingWorker(string id) => Receive<Request>(r =>
    {
        if (r.Fail)
        {
            throw new InvalidOperationException($"request {r.N} failed");
        }

        Sender.Tell(new Reply(id, r.N, r.Fail));
    });

    public static Props Props(string id) => Akka.Actor.Props.Create(() => new AccountingWorker(id));
}

/// <summary>The sender of one request: tags whatever comes back with the request's number and passes it to the collector.</summary>
public sealed class Tagger : ReceiveActor
{
    public Tagger(int n, IActorRef collector) => ReceiveAny(m => collector.Tell((n, m)));

    public static Props Props(int n, IActorRef collector) => Akka.Actor.Props.Create(() => new Tagger(n, collector));
}
