namespace Actors.Tests.Support;

/// <summary>
/// A one-shot barrier for holding an actor inside a handler while the test arranges its mailbox. The actor blocks on
/// <see cref="Wait"/> (bounded, so a failing test cannot hang); the test calls <see cref="Open"/>.
/// </summary>
internal sealed class Gate : IDisposable
{
    private readonly ManualResetEventSlim _event = new(false);

    public void Open() => _event.Set();

    public void Wait()
    {
        if (!_event.Wait(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("The test never opened the gate.");
        }
    }

    public void Dispose()
    {
        _event.Set();
        _event.Dispose();
    }
}
