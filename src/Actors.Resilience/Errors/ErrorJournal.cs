using Actors.Resilience.Supervision;
namespace Actors.Resilience.Errors;

/// <summary>
/// The actor at <c>/user/errors</c>: a bounded ring of the most recent failures, built from the
/// <see cref="ActorFailed"/> events every supervisor publishes, with counts by exception type and a per-minute rate.
/// </summary>
internal sealed class ErrorJournal : ReceiveActor
{
    private readonly ErrorJournalOptions _options;
    private readonly ErrorEntrySource? _source;
    private readonly ErrorEntry[] _ring;
    private readonly Dictionary<string, long> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<Directive, long> _byDirective = new();
    private readonly SlidingCounter _lastMinute = new(TimeSpan.FromMinutes(1));
    private long _total;

    public ErrorJournal(ErrorJournalOptions options, ErrorEntrySource? source = null)
    {
        _options = options;
        _source = source;
        _ring = new ErrorEntry[options.Capacity];
        Receive<ActorFailed>(Record);
        Receive<GetRecentErrors>(q => Sender.Tell(new RecentErrors(Recent(q.Count, q.IncludeStackTraces))));
        Receive<GetErrorStats>(_ => Sender.Tell(Stats()));
    }

    public static Props Props(ErrorJournalOptions options, ErrorEntrySource? source = null) => Akka.Actor.Props.Create(() => new ErrorJournal(options, source));

    /// <summary>The events it records; <see cref="ResilienceRuntime.Start"/> subscribes it before it even starts, so none is missed.</summary>
    public static readonly Type[] Events = [typeof(ActorFailed)];

    protected override void PreStart()
    {
        foreach (Type type in Events)
        {
            Context.System.EventStream.Subscribe(Self, type);
        }
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void Record(ActorFailed failed)
    {
        DateTimeOffset now = Context.System.Scheduler.Now;
        bool isUnit = UnitAddress.TryParse(failed.Child.Path, out string kind, out string id);
        Exception cause = FailureCause.Unwrap(failed.Cause);
        string type = cause.GetType().FullName ?? cause.GetType().Name;
        ErrorEntry entry = ErrorEntry.Deferred(
            ++_total,
            now,
            failed.Child.Path.ToStringWithoutAddress(),
            isUnit ? kind : null,
            isUnit ? id : null,
            type,
            cause.Message,
            failed.Directive,
            _options.CaptureStackTraces ? failed.Cause : null);
        _ring[(int)((_total - 1) % _ring.Length)] = entry;
        _byType[type] = _byType.GetValueOrDefault(type) + 1;
        _byDirective[failed.Directive] = _byDirective.GetValueOrDefault(failed.Directive) + 1;
        _lastMinute.Add(now);
        _source?.Publish(entry);
    }

    private List<ErrorEntry> Recent(int count, bool withStackTraces)
    {
        int retained = (int)Math.Min(_total, _ring.Length);
        int take = Math.Clamp(count, 0, retained);
        var result = new List<ErrorEntry>(take);
        for (long seq = _total - take + 1; seq <= _total; seq++)
        {
            ErrorEntry e = _ring[(int)((seq - 1) % _ring.Length)];
            result.Add(withStackTraces ? e : e.WithoutStackTrace());
        }

        return result;
    }

    private ErrorStats Stats() => new(
        _total,
        (int)Math.Min(_total, _ring.Length),
        _ring.Length,
        (int)_lastMinute.Sum(Context.System.Scheduler.Now),
        new Dictionary<string, long>(_byType, StringComparer.Ordinal),
        new Dictionary<Directive, long>(_byDirective));
}
