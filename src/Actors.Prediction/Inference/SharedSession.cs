using Microsoft.ML.OnnxRuntime;

namespace Actors.Prediction.Inference;

/// <summary>
/// An <see cref="InferenceSession"/> shared by a model actor (the owner) and its running jobs: each job holds a lease,
/// and the session is disposed when the owner has retired it and the last lease is released, never while a run uses
/// it. Thread-safe: leases are taken on the model actor's turn and released on each job's.
/// </summary>
internal sealed class SharedSession
{
    private readonly Lock _lock = new();
    private int _holders = 1;
    private bool _retired;

    public SharedSession(InferenceSession session, string path)
    {
        Session = session;
        Path = path;
        InputName = session.InputNames[0];
        OutputName = session.OutputNames[0];
    }

    public InferenceSession Session { get; }

    public string Path { get; }

    public string InputName { get; }

    public string OutputName { get; }

    /// <summary>Whether the session has been disposed (for tests).</summary>
    public bool Disposed { get; private set; }

    public bool TryAcquire()
    {
        lock (_lock)
        {
            if (_retired)
            {
                return false;
            }

            _holders++;
            return true;
        }
    }

    public void Release() => Drop(retire: false);

    public void Retire() => Drop(retire: true);

    private void Drop(bool retire)
    {
        bool dispose;
        lock (_lock)
        {
            if (retire)
            {
                if (_retired)
                {
                    return;
                }

                _retired = true;
            }

            dispose = --_holders == 0;
        }

        if (dispose)
        {
            Session.Dispose();
            Disposed = true;
        }
    }
}
