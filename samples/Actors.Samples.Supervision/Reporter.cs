namespace Actors.Samples.Supervision;

/// <summary>Prints progress lines and every supervision decision it sees on the event stream.</summary>
internal sealed class Reporter : ReceiveActor
{
    public Reporter()
    {
        Receive<string>(Console.WriteLine);
        Receive<ActorFailed>(f => Console.WriteLine(
            $"  CRASH  {f.Child.Path.ToStringWithoutAddress()} threw {f.Cause.GetType().Name}: {f.Cause.Message} -> supervisor decided {f.Directive}"));
    }
}
