namespace Actors.Resilience.Errors;

/// <summary>Settings of the error journal at <c>/user/errors</c>.</summary>
public sealed class ErrorJournalOptions
{
    /// <summary>How many recent failures the ring keeps; the oldest is dropped when it is full.</summary>
    /// <value>Defaults to 1,000.</value>
    public int Capacity { get; set; } = 1000;

    /// <summary>
    /// Whether stack traces are kept (they are only ever shown to operators). The journal keeps each failure's exception
    /// and renders its text when an operator first reads it, so the ring holds the last <see cref="Capacity"/>
    /// exceptions (and whatever they reference) rather than their text.
    /// </summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool CaptureStackTraces { get; set; } = true;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is not positive.</exception>
    public void Validate() => ArgumentOutOfRangeException.ThrowIfLessThan(Capacity, 1, nameof(Capacity));
}
