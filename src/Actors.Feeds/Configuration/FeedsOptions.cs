namespace Actors.Feeds.Configuration;

/// <summary>
/// The exchange feeds (<c>actors.feeds</c>; <c>reference.conf</c> documents every key). Every value has a documented
/// default; <see cref="Validate"/> names the setting that is out of range.
/// </summary>
public sealed class FeedsOptions
{
    /// <summary>The most symbols one node runs.</summary>
    public const int MaxSymbols = 100;

    /// <summary>The exchange's public WebSocket stream.</summary>
    /// <value>Defaults to <c>ws://127.0.0.1:9200/ws</c>.</value>
    public Uri Url { get; set; } = new("ws://127.0.0.1:9200/ws");

    /// <summary>The symbols started with the system.</summary>
    /// <value>Defaults to none.</value>
    public IList<string> Symbols { get; } = [];

    /// <summary>RestartSource's first backoff.</summary>
    /// <value>Defaults to 1 second.</value>
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>RestartSource's backoff cap.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Jitter of each backoff, 0-1.</summary>
    /// <value>Defaults to 0.2.</value>
    public double RandomFactor { get; set; } = 0.2;

    /// <summary>Restarts within <see cref="RestartWindow"/> after which the stream gives up and the worker fails.</summary>
    /// <value>Defaults to 5.</value>
    public int MaxRestarts { get; set; } = 5;

    /// <summary>The window of <see cref="MaxRestarts"/>.</summary>
    /// <value>Defaults to 1 minute.</value>
    public TimeSpan RestartWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Worker failures (exhausted restarts) that open the instance's breaker.</summary>
    /// <value>Defaults to 1.</value>
    public int OpenBreakerAfter { get; set; } = 1;

    /// <summary>No data for this long is a failure even when the socket is open.</summary>
    /// <value>Defaults to 10 seconds.</value>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often staleness is checked.</summary>
    /// <value>Defaults to 1 second.</value>
    public TimeSpan StaleCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a ping is sent on an open connection.</summary>
    /// <value>Defaults to 20 seconds.</value>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a connect may take.</summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Frames read ahead of a slow consumer; when full, the connection fails (overflow) and is resubscribed.</summary>
    /// <value>Defaults to 1024.</value>
    public int BufferSize { get; set; } = 1024;

    /// <summary>Periods of the fast moving average.</summary>
    /// <value>Defaults to 5.</value>
    public int FastPeriod { get; set; } = 5;

    /// <summary>Periods of the slow moving average.</summary>
    /// <value>Defaults to 20.</value>
    public int SlowPeriod { get; set; } = 20;

    /// <summary>The confirm call.</summary>
    public ConfirmOptions Confirm { get; } = new();

    /// <summary>Paper trading.</summary>
    public PaperOptions Paper { get; } = new();

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names it and the fix.</exception>
    public void Validate()
    {
        if (Url.Scheme is not ("ws" or "wss"))
        {
            throw new ArgumentOutOfRangeException(nameof(Url), Url, "url must be a ws:// or wss:// address, e.g. ws://127.0.0.1:9200/ws");
        }

        if (Symbols.Count > MaxSymbols)
        {
            throw new ArgumentOutOfRangeException(nameof(Symbols), Symbols.Count, $"at most {MaxSymbols} symbols per node; remove some or run another node");
        }

        foreach (string symbol in Symbols)
        {
            if (string.IsNullOrWhiteSpace(symbol) || !ActorPath.IsValidPathElement(symbol))
            {
                throw new ArgumentOutOfRangeException(nameof(Symbols), symbol, "a symbol must be a non-empty name of letters and digits, e.g. BTCUSDT");
            }
        }

        Positive(MinBackoff, nameof(MinBackoff));
        if (MaxBackoff < MinBackoff)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBackoff), MaxBackoff, $"backoff.max must be at least backoff.min ({MinBackoff})");
        }

        if (!(RandomFactor >= 0 && RandomFactor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(RandomFactor), RandomFactor, "backoff.random-factor must be from 0 to 1");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRestarts, 1, nameof(MaxRestarts));
        ArgumentOutOfRangeException.ThrowIfLessThan(OpenBreakerAfter, 1, nameof(OpenBreakerAfter));
        Positive(RestartWindow, nameof(RestartWindow));
        Positive(StaleAfter, nameof(StaleAfter));
        Positive(StaleCheckInterval, nameof(StaleCheckInterval));
        Positive(PingInterval, nameof(PingInterval));
        Positive(ConnectTimeout, nameof(ConnectTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(BufferSize, 1, nameof(BufferSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(FastPeriod, 1, nameof(FastPeriod));
        if (SlowPeriod <= FastPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(SlowPeriod), SlowPeriod, $"indicator.slow must be greater than indicator.fast ({FastPeriod})");
        }

        Positive(Confirm.Timeout, "Confirm.Timeout");
        ArgumentOutOfRangeException.ThrowIfLessThan(Confirm.Attempts, 1, "Confirm.Attempts");
        ArgumentOutOfRangeException.ThrowIfNegative(Confirm.Backoff.Ticks, "Confirm.Backoff");
        if (!(Confirm.FallbackBias >= 0 && Confirm.FallbackBias <= 1))
        {
            throw new ArgumentOutOfRangeException("Confirm.FallbackBias", Confirm.FallbackBias, "confirm.fallback-bias must be from 0 to 1");
        }

        if (Confirm.Url is { } u && u.Scheme is not ("http" or "https"))
        {
            throw new ArgumentOutOfRangeException("Confirm.Url", u, "confirm.url must be an http:// or https:// address, or empty to turn the call off");
        }

        if (Paper.Quantity <= 0)
        {
            throw new ArgumentOutOfRangeException("Paper.Quantity", Paper.Quantity, "paper.quantity must be positive");
        }

        if (!(Paper.MinConviction >= 0 && Paper.MinConviction <= 0.5))
        {
            throw new ArgumentOutOfRangeException("Paper.MinConviction", Paper.MinConviction, "paper.min-conviction must be from 0 to 0.5");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Paper.BreakerMaxFailures, 1, "Paper.BreakerMaxFailures");
        Positive(Paper.BreakerCallTimeout, "Paper.BreakerCallTimeout");
        Positive(Paper.BreakerResetTimeout, "Paper.BreakerResetTimeout");
        ArgumentOutOfRangeException.ThrowIfLessThan(Paper.History, 1, "Paper.History");
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive duration");
        }
    }
}
