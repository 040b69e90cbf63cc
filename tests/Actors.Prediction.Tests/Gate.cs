namespace Actors.Prediction.Tests;

/// <summary>Holds jobs inside their run until the test opens it; tells the test when a job has entered.</summary>
public sealed class Gate : IDisposable
{
    private readonly ManualResetEventSlim _open = new(false);
    private readonly SemaphoreSlim _entered = new(0);

    public void Enter(string jobId)
    {
        _entered.Release();
        if (!_open.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException($"job {jobId}: the test never opened the gate");
        }
    }

    public async Task WaitEnteredAsync(int count = 1)
    {
        for (int i = 0; i < count; i++)
        {
            Assert.True(await _entered.WaitAsync(TimeSpan.FromSeconds(20)), $"only {i} of {count} jobs entered their run");
        }
    }

    public void Open() => _open.Set();

    public void Dispose()
    {
        _open.Set();
        _open.Dispose();
        _entered.Dispose();
    }
}
