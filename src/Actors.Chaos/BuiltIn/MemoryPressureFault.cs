using System.Globalization;
using Actors.Chaos.Configuration;
using Actors.Chaos.Faults;

namespace Actors.Chaos.BuiltIn;

/// <summary>
/// <c>memory-pressure</c>: allocates a ballast of <see cref="MemoryPressureOptions.SizeBytes"/> (1 MiB arrays, every
/// page written so it counts in the working set the memory guard samples), holds it for
/// <see cref="MemoryPressureOptions.Hold"/> on the actor system's scheduler, then releases it and asks the GC for a
/// background collection so the pressure ends when chaos says it does. At most one ballast at a time: never more
/// than the configured size. <see cref="ClearAsync"/> releases it at once.
/// </summary>
/// <remarks>Thread-safe: the release timer, injections and a clear may run at once; all state is under the lock.</remarks>
/// <param name="options">The ballast's size and hold time.</param>
internal sealed class MemoryPressureFault(MemoryPressureOptions options) : IChaosFault
{
    public const string FaultName = "memory-pressure";

    private const int ChunkBytes = 1 << 20;
    private const int PageBytes = 4096;

    private readonly Lock _lock = new();
    private byte[][]? _ballast;
    private bool _allocating;
    private long _generation;
    private Cancelable? _release;
    private DateTimeOffset _releaseAt;

    public string Name => FaultName;

    public string Description => "holds a memory ballast for a while (the memory guard sees pressure), then releases it";

    /// <summary>The bytes held now (0 when no ballast is held).</summary>
    public long HeldBytes
    {
        get
        {
            lock (_lock)
            {
                return _ballast?.Sum(c => (long)c.Length) ?? 0;
            }
        }
    }

    public ValueTask<ChaosInjection> InjectAsync(ChaosContext context)
    {
        long size = options.SizeBytes;
        lock (_lock)
        {
            if (_ballast is not null || _allocating)
            {
                return ValueTask.FromResult(ChaosInjection.Skipped(string.Create(CultureInfo.InvariantCulture, $"a ballast of {Mib(HeldBytesLocked())} MiB is already held (until {_releaseAt:HH:mm:ss}): never more than {Mib(size)} MiB")));
            }

            _allocating = true;
        }

        byte[][] ballast;
        try
        {
            ballast = Allocate(size);
        }
        catch (OutOfMemoryException)
        {
            lock (_lock)
            {
                _allocating = false;
            }

            return ValueTask.FromResult(ChaosInjection.Skipped(string.Create(CultureInfo.InvariantCulture, $"could not allocate {Mib(size)} MiB")));
        }

        lock (_lock)
        {
            _allocating = false;
            _ballast = ballast;
            long generation = ++_generation;
            _releaseAt = context.Now + options.Hold;
            var cancelable = new Cancelable(context.Scheduler);
            context.Scheduler.Advanced.ScheduleOnce(options.Hold, () => Release(generation), cancelable);
            _release = cancelable;
        }

        return ValueTask.FromResult(ChaosInjection.Done(
            "process memory",
            string.Create(CultureInfo.InvariantCulture, $"ballast of {Mib(size)} MiB held for {options.Hold.TotalSeconds:0.#} s, then released")));
    }

    public ValueTask ClearAsync(ActorSystem system, CancellationToken cancellationToken)
    {
        Release(generation: null);
        return ValueTask.CompletedTask;
    }

    private static byte[][] Allocate(long size)
    {
        int chunks = (int)((size + ChunkBytes - 1) / ChunkBytes);
        var ballast = new byte[chunks][];
        long left = size;
        for (int i = 0; i < chunks; i++)
        {
            int n = (int)Math.Min(ChunkBytes, left);
            byte[] chunk = GC.AllocateUninitializedArray<byte>(n);
            for (int p = 0; p < n; p += PageBytes)
            {
                chunk[p] = 1; // written, so the page is committed and counts
            }

            ballast[i] = chunk;
            left -= n;
        }

        return ballast;
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Releases the ballast of <paramref name="generation"/>, or whatever is held when it is null.</summary>
    private void Release(long? generation)
    {
        lock (_lock)
        {
            if (_ballast is null || (generation is { } g && g != _generation))
            {
                return;
            }

            _ballast = null;
            _release?.Cancel();
            _release = null;
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: false);
    }

    private long HeldBytesLocked() => _ballast?.Sum(c => (long)c.Length) ?? 0;
}
