using Actors.Feeds.Configuration;
using Actors.Feeds.Signals;
using Akka.Pattern;

namespace Actors.Feeds.Paper;

/// <summary>
/// Executes paper orders on a <see cref="PaperBook"/> behind its own Akka <see cref="CircuitBreaker"/>: repeated
/// failures open it and later orders are rejected at once until it resets. Used by the feed's worker only.
/// </summary>
public sealed class PaperExecutor
{
    private readonly CircuitBreaker _breaker;
    private readonly PaperOptions _options;
    private long _rejected;
    private long _breakerOpen;

    /// <summary>Creates the executor.</summary>
    /// <param name="book">The book.</param>
    /// <param name="options">Quantity, conviction and breaker settings.</param>
    /// <param name="scheduler">The actor system's scheduler (the breaker's reset follows it).</param>
    public PaperExecutor(PaperBook book, PaperOptions options, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(options);
        Book = book;
        _options = options;
        _breaker = new CircuitBreaker(scheduler, options.BreakerMaxFailures, options.BreakerCallTimeout, options.BreakerResetTimeout);
    }

    /// <summary>The book.</summary>
    public PaperBook Book { get; }

    /// <summary>Orders that failed.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Orders refused because the breaker was open.</summary>
    public long BreakerOpenRejections => Interlocked.Read(ref _breakerOpen);

    /// <summary>The breaker's state: closed, open or half-open.</summary>
    public string BreakerState => _breaker.IsOpen ? "open" : _breaker.IsHalfOpen ? "half-open" : "closed";

    /// <summary>Whether a bias is convincing enough to execute a signal.</summary>
    /// <param name="side">The signal.</param>
    /// <param name="bias">The bias (0.5 neutral).</param>
    /// <returns>Whether to execute.</returns>
    public bool Convinced(SignalSide side, double bias) => side switch
    {
        SignalSide.Buy => bias > 0.5 + _options.MinConviction,
        SignalSide.Sell => bias < 0.5 - _options.MinConviction,
        _ => false,
    };

    /// <summary>Executes a paper order; a failure is counted and the breaker sees it. Never throws.</summary>
    /// <param name="time">When.</param>
    /// <param name="side">Buy or sell.</param>
    /// <param name="bias">The bias.</param>
    /// <returns>The fill, or <see langword="null"/> when rejected or the breaker is open.</returns>
    public async Task<PaperFill?> ExecuteAsync(DateTimeOffset time, SignalSide side, double bias)
    {
        try
        {
            return await _breaker.WithCircuitBreaker<PaperFill>(_ => Task.FromResult(Book.Execute(time, side, _options.Quantity, bias))).ConfigureAwait(false);
        }
        catch (OpenCircuitException)
        {
            Interlocked.Increment(ref _breakerOpen);
            return null;
        }
        catch (InvalidOperationException)
        {
            Interlocked.Increment(ref _rejected);
            return null;
        }
    }
}
