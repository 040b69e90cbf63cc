namespace Actors.Feeds.Configuration;

/// <summary>The optional confirm call made for each signal (<c>actors.feeds.confirm</c>).</summary>
public sealed class ConfirmOptions
{
    /// <summary>The endpoint; <see langword="null"/> turns the call off (every signal gets the fallback bias).</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public Uri? Url { get; set; }

    /// <summary>The timeout of one attempt.</summary>
    /// <value>Defaults to 600 ms.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(600);

    /// <summary>Attempts before falling back.</summary>
    /// <value>Defaults to 3.</value>
    public int Attempts { get; set; } = 3;

    /// <summary>The delay before the second attempt; doubles for each later one.</summary>
    /// <value>Defaults to 100 ms.</value>
    public TimeSpan Backoff { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The bias used whenever confirmation is unavailable.</summary>
    /// <value>Defaults to 0.5 (neutral).</value>
    public double FallbackBias { get; set; } = 0.5;
}
