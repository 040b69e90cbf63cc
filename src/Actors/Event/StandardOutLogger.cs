namespace Actors.Event;

/// <summary>The default logger: writes each event on one line (plus the exception) to standard output.</summary>
internal sealed class StandardOutLogger : ActorBase
{
    protected override bool Receive(object message)
    {
        if (message is LogEvent e)
        {
            Console.Out.WriteLine(e.ToString());
            return true;
        }

        return false;
    }
}
