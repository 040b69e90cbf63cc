namespace Actors.TestKit;

/// <summary>One active filter: a predicate over events and a count of hits.</summary>
internal sealed class EventFilterEntry(Func<object, bool> predicate, string description)
{
    private int _hits;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Description => description;

    public int Hits => Volatile.Read(ref _hits);

    public bool Matches(object @event) => predicate(@event);

    public void Hit()
    {
        Interlocked.Increment(ref _hits);
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public Task Changed => Volatile.Read(ref _changed).Task;
}
