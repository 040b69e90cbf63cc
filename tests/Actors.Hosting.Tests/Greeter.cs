using Akka.Event;

namespace Actors.Hosting.Tests;

/// <summary>Answers a name with a greeting and logs it as a structured event.</summary>
internal sealed class Greeter : ReceiveActor
{
    public Greeter()
    {
        ILoggingAdapter log = Context.GetLogger();
        Receive<string>(name =>
        {
            log.Info("Greeting {Name}", name);
            Sender.Tell("hello " + name);
        });
    }
}
