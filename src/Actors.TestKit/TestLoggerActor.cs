namespace Actors.TestKit;

/// <summary>The actor that feeds events to the <see cref="TestLogger"/>.</summary>
internal sealed class TestLoggerActor(TestLogger logger) : ActorBase
{
    protected override bool Receive(object message)
    {
        logger.Handle(message);
        return true;
    }
}
