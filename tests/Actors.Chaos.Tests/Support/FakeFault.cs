using Actors.Chaos.Faults;

namespace Actors.Chaos.Tests.Support;

/// <summary>
/// A fault that records what the monkey does with it: each injection and each clear, in order. It can hold its
/// injections until <see cref="Release"/> (to catch a stop that does not wait for them), and it has a standing effect
/// that only <see cref="ClearAsync"/> undoes.
/// </summary>
public sealed class FakeFault(string name, bool gated = false) : IChaosFault
{
    private readonly Lock _lock = new();
    private readonly List<string> _log = [];
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _injections;
    private int _clears;

    public string Name => name;

    public string Description => $"fake fault {name}";

    /// <summary>Whether a standing effect is in place (set by an injection, removed by a clear).</summary>
    public bool Standing { get; private set; }

    public int Injections => Volatile.Read(ref _injections);

    public int Clears => Volatile.Read(ref _clears);

    /// <summary>Completed when the first injection has started (gated faults wait after this).</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_lock)
            {
                return [.. _log];
            }
        }
    }

    public void Release() => _gate.TrySetResult();

    public async ValueTask<ChaosInjection> InjectAsync(ChaosContext context)
    {
        Started.TrySetResult();
        if (gated)
        {
            await _gate.Task.ConfigureAwait(false);
        }

        lock (_lock)
        {
            Standing = true;
            _log.Add("inject");
        }

        int n = Interlocked.Increment(ref _injections);
        return ChaosInjection.Done($"{name}-target", $"injection {n}");
    }

    public ValueTask ClearAsync(ActorSystem system, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Standing = false;
            _log.Add("clear");
        }

        Interlocked.Increment(ref _clears);
        return ValueTask.CompletedTask;
    }
}
