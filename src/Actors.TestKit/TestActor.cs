using System.Threading.Channels;

namespace Actors.TestKit;

/// <summary>The actor behind a test kit or probe: queues every message it receives for the test to inspect.</summary>
internal sealed class TestActor(ChannelWriter<Envelope> queue) : ActorBase
{
    protected override bool Receive(object message)
    {
        if (message is WatchRequest request)
        {
            if (request.Watch)
            {
                Context.Watch(request.Target);
            }
            else
            {
                Context.Unwatch(request.Target);
            }

            request.Done.TrySetResult();
            return true;
        }

        queue.TryWrite(new Envelope(message, Sender));
        return true;
    }

    protected override void Unhandled(object message)
    {
    }
}
