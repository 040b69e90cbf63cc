namespace Actors;

/// <summary>Reply envelopes for operations that succeed or fail; <c>Ask</c> turns <see cref="Failure"/> into a faulted task.</summary>
public abstract record Status
{
    private protected Status()
    {
    }

    /// <summary>A success carrying an optional value.</summary>
    /// <param name="Value">The result.</param>
    public sealed record Success(object? Value) : Status;

    /// <summary>A failure carrying its cause.</summary>
    /// <param name="Cause">What went wrong.</param>
    public sealed record Failure(Exception Cause) : Status;
}
