using System.Diagnostics;
using Actors.Prediction.Configuration;
using Actors.Prediction.Inference;
using Actors.Resilience.Health;
using Actors.Resilience.Memory;

namespace Actors.Prediction.Jobs;

/// <summary>
/// The worker of one <c>prediction</c> unit instance: one model. Owns its <see cref="Microsoft.ML.OnnxRuntime.InferenceSession"/>s
/// (loaded in <see cref="PreStart"/>: a missing or broken file fails the instance, so the resilience layer's backoff and
/// breaker handle it), admits requests into a bounded queue, runs each as a <see cref="JobActor"/> child under a
/// timeout on the scheduler, and answers every request exactly once, also when it restarts or stops. Every
/// <see cref="FiguresInterval"/> (an Akka timer) it publishes its job figures as <see cref="WorkloadCounters"/> of
/// owner <c>prediction/{model}</c> (the owner of its <see cref="WorkloadMemory"/> too) when they changed.
/// </summary>
internal sealed class ModelActor : ReceiveActor, IWithTimers
{
    private readonly PredictionOptions _options;
    private readonly ModelOptions _model;
    private readonly PredictionJobStore _store;
    private readonly Queue<(PredictionRequest Request, IActorRef Sender, long At)> _queue = new();
    private readonly Dictionary<IActorRef, Running> _running = [];
    private long _largestJobBytes;
    private SharedSession? _session;
    private SharedSession? _heatmap;
    private bool _memoryRefusal;
    private TimeSpan _memoryRetryAfter;
    private int _consecutiveFailures;
    private long _jobCounter;
    private readonly PredictionJobFigures _figures;
    private Dictionary<string, long>? _reported;

    public ModelActor(PredictionOptions options, ModelOptions model, PredictionJobStore store)
    {
        _options = options;
        _model = model;
        _store = store;
        _figures = store.Figures.GetOrAdd(model.Name, _ => new PredictionJobFigures());
        Owner = $"prediction/{model.Name}";
        Receive<PredictionRequest>(Admit);
        Receive<JobOutcome>(Completed);
        Receive<JobTimedOut>(TimedOut);
        Receive<Terminated>(Stopped);
        Receive<MemoryPressureChanged>(m =>
        {
            _memoryRefusal = m.Overloaded;
            _memoryRetryAfter = m.RetryAfter;
        });
        Receive<MemoryCleanupRequested>(_ => _store.DropHeatmaps());
        Receive<PublishFigures>(_ => ReportFigures());
    }

    /// <summary>How often the job figures are compared and, when changed, published.</summary>
    public static TimeSpan FiguresInterval { get; } = TimeSpan.FromSeconds(1);

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The owner of this model's counters and memory in health: <c>prediction/{model}</c>.</summary>
    private string Owner { get; }

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(MemoryPressureChanged));
        Context.System.EventStream.Subscribe(Self, typeof(MemoryCleanupRequested));
        string path = ModelOptions.Resolve(_model.Path);
        try
        {
            _session = new SharedSession(ModelRunner.Load(path, _options.Session, $"'{_model.Name}'"), path);
        }
        catch (ModelLoadException e)
        {
            _store.LoadErrors[_model.Name] = e.Message;
            throw;
        }

        if (_options.Heatmap.Enabled && _model.HeatmapPath.Length > 0)
        {
            string heatmapPath = ModelOptions.Resolve(_model.HeatmapPath);
            try
            {
                _heatmap = new SharedSession(ModelRunner.Load(heatmapPath, _options.Session, $"'{_model.Name}' heatmap"), heatmapPath);
            }
            catch (ModelLoadException e)
            {
                _store.LoadErrors[_model.Name] = e.Message;
                _session.Retire();
                throw;
            }
        }

        _store.LoadErrors.TryRemove(_model.Name, out _);
        Timers.StartPeriodicTimer("figures", PublishFigures.Instance, FiguresInterval);
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        foreach (Running job in _running.Values)
        {
            job.Control.Cancel();
            if (!job.Answered)
            {
                Reply(job.Sender, job.Request, Stopped(job.Request), admitted: job.Admitted);
            }
        }

        _running.Clear();
        ReportMemory();
        while (_queue.TryDequeue(out var waiting))
        {
            Reply(waiting.Sender, waiting.Request, Stopped(waiting.Request), admitted: waiting.At);
        }

        // Disposed now, or when the last job still running releases its lease.
        _session?.Retire();
        _heatmap?.Retire();
    }

    private PredictionFailed Stopped(PredictionRequest request) =>
        new(request.JobId, _model.Name, PredictionFailureKind.ModelStopped, $"the instance of model '{_model.Name}' restarted or stopped before the job finished; submit it again");

    private void Admit(PredictionRequest request)
    {
        _figures.Submit();
        if (_memoryRefusal)
        {
            Reply(Sender, request, new PredictionRefused(request.JobId, _model.Name, "the memory guard refuses new work (emergency)", _memoryRetryAfter));
        }
        else if (_running.Count < _options.MaxConcurrentJobs)
        {
            Start(request, Sender, Stopwatch.GetTimestamp());
        }
        else if (_queue.Count < _options.QueueCapacity)
        {
            _queue.Enqueue((request, Sender, Stopwatch.GetTimestamp()));
        }
        else
        {
            Reply(Sender, request, new PredictionRefused(request.JobId, _model.Name,
                $"model '{_model.Name}' is busy: {_running.Count} jobs running and {_queue.Count} waiting (actors.prediction.max-concurrent-jobs, queue-capacity)",
                _options.RetryAfter));
        }
    }

    private void Start(PredictionRequest request, IActorRef sender, long admitted)
    {
        SharedSession session = _session!;
        SharedSession? heatmap = _heatmap;
        session.TryAcquire();
        if (heatmap is not null && !heatmap.TryAcquire())
        {
            heatmap = null;
        }

        var control = new JobControl();
        double queuedMs = Stopwatch.GetElapsedTime(admitted).TotalMilliseconds;
        IActorRef job = Context.ActorOf(
            Props.Create(() => new JobActor(_options, _model, request, session, heatmap, control, queuedMs)),
            $"job-{++_jobCounter}");
        Context.Watch(job);
        _running[job] = new Running(request, sender, control, admitted);
        Timers.StartSingleTimer(job, new JobTimedOut(job), _options.JobTimeout);

        // The job runs only once its deadline is armed: whoever sees it at work knows the timeout is set.
        job.Tell(RunJob.Instance, Self);
        ReportMemory();
    }

    /// <summary>
    /// Tells the memory guard and the health aggregator what this model's jobs hold: the uploads of the jobs in flight
    /// (each job's decoded pixels, tensors and outputs are accounted when it ends: the largest so far is reported).
    /// </summary>
    private void ReportMemory()
    {
        long bytes = 0;
        foreach (Running running in _running.Values)
        {
            bytes += running.Request.Image.LongLength;
        }

        Context.System.EventStream.Publish(new WorkloadMemory(Owner, bytes, _running.Count, _largestJobBytes));
    }

    private void Completed(JobOutcome outcome)
    {
        if (!_running.TryGetValue(Sender, out Running? job) || job.Answered)
        {
            return;
        }

        job.Answered = true;
        _largestJobBytes = Math.Max(_largestJobBytes, outcome.MemoryBytes);
        Reply(job.Sender, job.Request, outcome.Reply, outcome.MemoryBytes, outcome.Heatmap, job.Admitted);
        if (outcome.Reply is PredictionFailed { Kind: PredictionFailureKind.InferenceFailed } failed)
        {
            if (++_consecutiveFailures >= _options.SuspectAfterFailures)
            {
                _consecutiveFailures = 0;
                throw new ModelSuspectException($"{_options.SuspectAfterFailures} runs of model '{_model.Name}' failed in a row (last: {failed.Reason}): restarting its session");
            }
        }
        else if (outcome.Reply is PredictionSucceeded)
        {
            _consecutiveFailures = 0;
        }
    }

    private void TimedOut(JobTimedOut timeout)
    {
        if (!_running.TryGetValue(timeout.Job, out Running? job) || job.Answered)
        {
            return;
        }

        job.Answered = true;
        job.Control.Cancel();
        Reply(job.Sender, job.Request, new PredictionFailed(job.Request.JobId, _model.Name, PredictionFailureKind.TimedOut,
            $"the job did not finish within {_options.JobTimeout.TotalSeconds:0.###} s (actors.prediction.job-timeout)"), admitted: job.Admitted);
        Context.Stop(timeout.Job);
    }

    private void Stopped(Terminated terminated)
    {
        if (!_running.Remove(terminated.ActorRef, out Running? job))
        {
            return;
        }

        Timers.Cancel(terminated.ActorRef);
        if (!job.Answered)
        {
            Reply(job.Sender, job.Request, new PredictionFailed(job.Request.JobId, _model.Name, PredictionFailureKind.InferenceFailed, "the job stopped without an answer (see the error journal)"), admitted: job.Admitted);
        }

        while (_running.Count < _options.MaxConcurrentJobs && _queue.TryDequeue(out var next))
        {
            Start(next.Request, next.Sender, next.At);
        }

        ReportMemory();
    }

    /// <summary>Answers a request (every answer passes here, once per request) and records it; <paramref name="admitted"/> is the admission timestamp of a job that ran.</summary>
    private void Reply(IActorRef sender, PredictionRequest request, object reply, long memory = 0, byte[]? heatmap = null, long? admitted = null)
    {
        // Recorded before the answer leaves: whoever has the answer sees it counted.
        TimeSpan? elapsed = admitted is { } at ? Stopwatch.GetElapsedTime(at) : null;
        Metrics.PredictionMeter.Record(Context.System.Name, reply, elapsed?.TotalSeconds);
        switch (reply)
        {
            case PredictionSucceeded:
                _figures.Complete(Context.System.Scheduler.Now, elapsed?.TotalMilliseconds ?? 0);
                break;
            case PredictionRefused:
                _figures.Refuse();
                break;
            case PredictionFailed { Kind: PredictionFailureKind.TimedOut }:
                _figures.TimeOut();
                break;
            default:
                _figures.Fail();
                break;
        }

        sender.Tell(reply);
        (string outcome, string? label, string? detail, StageTimings? timings) = reply switch
        {
            PredictionSucceeded s => ("succeeded", s.Label, s.HeatmapError, s.Timings),
            PredictionFailed f => ($"failed:{f.Kind}", null, f.Reason, null),
            PredictionRefused r => ("refused", null, r.Reason, null),
            _ => ("unknown", null, null, null),
        };
        _store.Add(new PredictionJobRecord(request.JobId, _model.Name, Context.System.Scheduler.Now, outcome, label, detail, timings, memory, heatmap));
    }

    /// <summary>Publishes the job figures when they differ from the last published (latencies age out of their window too).</summary>
    private void ReportFigures()
    {
        Dictionary<string, long> now = _figures.Counters(Context.System.Scheduler.Now);
        if (_reported is not null && Same(_reported, now))
        {
            return;
        }

        _reported = now;
        Context.System.EventStream.Publish(new WorkloadCounters(Owner, now));
    }

    private static bool Same(Dictionary<string, long> a, Dictionary<string, long> b)
    {
        foreach ((string name, long value) in b)
        {
            if (!a.TryGetValue(name, out long old) || old != value)
            {
                return false;
            }
        }

        return a.Count == b.Count;
    }

    /// <summary>The figures timer's tick.</summary>
    private sealed class PublishFigures
    {
        public static PublishFigures Instance { get; } = new();
    }

    private sealed class Running(PredictionRequest request, IActorRef sender, JobControl control, long admitted)
    {
        /// <summary>When the job was admitted (a <see cref="Stopwatch"/> timestamp), queue time included.</summary>
        public long Admitted { get; } = admitted;

        public PredictionRequest Request { get; } = request;

        public IActorRef Sender { get; } = sender;

        public JobControl Control { get; } = control;

        public bool Answered { get; set; }
    }
}
