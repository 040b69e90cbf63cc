namespace Actors.Cmd;

/// <summary>Keeps the running <see cref="CommandServer"/> of an actor system as an Akka extension, so any part of the system can find it.</summary>
internal sealed class CmdExtension : IExtension
{
    private readonly object _gate = new();
    private CommandServer? _server;

    /// <summary>The running server, if any.</summary>
    public CommandServer? Server
    {
        get
        {
            CommandServer? server = Volatile.Read(ref _server);
            return server is { WhenStopped.IsCompleted: false } ? server : null;
        }
    }

    /// <summary>Records <paramref name="server"/>; returns the server already running instead, if there is one.</summary>
    public CommandServer? TrySet(CommandServer server)
    {
        lock (_gate)
        {
            if (Server is { } running)
            {
                return running;
            }

            Volatile.Write(ref _server, server);
            return null;
        }
    }

    /// <summary>Forgets <paramref name="server"/> if it is the one recorded.</summary>
    public void Clear(CommandServer server)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_server, server))
            {
                Volatile.Write(ref _server, null);
            }
        }
    }
}
