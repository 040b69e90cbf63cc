namespace Actors.Resilience.Tests.Support;

/// <summary>Whether a <see cref="GatedWorker"/> may connect: while closed, every worker start fails (as a refused connection).</summary>
public sealed class ConnectGate
{
    private volatile bool _open;

    public ConnectGate(bool open) => _open = open;

    public bool IsOpen
    {
        get => _open;
        set => _open = value;
    }
}
