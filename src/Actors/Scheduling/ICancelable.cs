namespace Actors;

/// <summary>Something that can be cancelled: a scheduled message or action.</summary>
public interface ICancelable
{
    /// <summary>Whether <see cref="Cancel"/> was called.</summary>
    bool IsCancellationRequested { get; }

    /// <summary>A token that is cancelled with this.</summary>
    CancellationToken Token { get; }

    /// <summary>Cancels; idempotent.</summary>
    void Cancel();
}
