namespace Actors.Event;

/// <summary>Logs dead letters: the first <c>max</c>, then pauses for <c>suspendFor</c>, then logs again.</summary>
internal sealed class DeadLetterListener(int max, TimeSpan suspendFor) : ActorBase
{
    private int _logged;
    private long _pausedAt;

    protected override bool Receive(object message)
    {
        if (message is not DeadLetter d)
        {
            return false;
        }

        TimeProvider time = Context.System.TimeProvider;
        if (_logged >= max)
        {
            if (time.GetElapsedTime(_pausedAt) < suspendFor)
            {
                return true;
            }

            _logged = 0;
        }

        _logged++;
        string more = _logged == max ? $" Logging of dead letters pauses for {suspendFor}." : string.Empty;
        Context.System.Log.Info(
            "Message [{MessageType}] from {Sender} to {Recipient} was not delivered. [{Count}] dead letters so far.{More}",
            d.Message.GetType().Name,
            d.Sender?.Path.ToString() ?? "NoSender",
            d.Recipient.Path.ToString(),
            _logged,
            more);
        if (_logged == max)
        {
            _pausedAt = time.GetTimestamp();
        }

        return true;
    }
}
