namespace Actors.Feeds.Confirm;

/// <summary>How a confirm call ended. Every outcome but <see cref="Confirmed"/> uses the fallback bias.</summary>
public enum ConfirmOutcome
{
    /// <summary>The endpoint answered a bias.</summary>
    Confirmed,

    /// <summary>Every attempt timed out.</summary>
    Timeout,

    /// <summary>The last attempt failed: connection error or a non-success status.</summary>
    Error,

    /// <summary>The last attempt answered something without a readable bias.</summary>
    Malformed,

    /// <summary>No confirm endpoint is configured.</summary>
    Disabled,
}
