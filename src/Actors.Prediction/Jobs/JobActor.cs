using System.Diagnostics;
using Actors.Prediction.Configuration;
using Actors.Prediction.Images;
using Actors.Prediction.Inference;
using Microsoft.ML.OnnxRuntime;

namespace Actors.Prediction.Jobs;

/// <summary>
/// One prediction: decode, preprocess, run, postprocess, then the heatmap as a child that may fail alone. Answers its
/// model actor with one <see cref="JobOutcome"/> and stops. Owns its session leases, its run options and its working
/// image: all released in <see cref="PostStop"/>, which Akka runs only after the heatmap child has stopped, so no
/// native resource is freed while a run still reads it.
/// </summary>
internal sealed class JobActor : ReceiveActor, IWithTimers
{
    private readonly PredictionOptions _options;
    private readonly ModelOptions _model;
    private readonly PredictionRequest _request;
    private readonly SharedSession _session;
    private readonly SharedSession? _heatmapSession;
    private readonly JobControl _control;
    private readonly long _admitted;
    private readonly double _queuedMs;
    private WorkingImage? _image;
    private PredictionSucceeded? _prediction;
    private IActorRef? _heatmap;
    private string? _heatmapError;
    private long _memory;
    private bool _answered;

    public JobActor(PredictionOptions options, ModelOptions model, PredictionRequest request, SharedSession session, SharedSession? heatmapSession, JobControl control, double queuedMs)
    {
        _options = options;
        _model = model;
        _request = request;
        _session = session;
        _heatmapSession = heatmapSession;
        _control = control;
        _queuedMs = queuedMs;
        _admitted = Stopwatch.GetTimestamp();
        Receive<RunJob>(_ => Run());
        Receive<HeatmapDrawn>(drawn => Finish(drawn));
        Receive<HeatmapTimedOut>(_ => HeatmapGaveUp($"the heatmap did not finish within {_options.Heatmap.Timeout.TotalSeconds:0.###} s (actors.prediction.heatmap.timeout)"));
        Receive<Terminated>(t => t.ActorRef.Equals(_heatmap), _ => HeatmapGaveUp(_heatmapError ?? "the heatmap stopped without an answer"));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(e =>
    {
        // The heatmap failed: record why (no stack trace) and let it stop; the prediction is answered without it.
        _heatmapError = $"the heatmap failed: {e.GetType().Name}: {ModelRunner.FirstLine(e.Message)}";
        return Directive.Stop;
    });


    protected override void PostStop()
    {
        _image?.Dispose();
        _control.Dispose();
        _session.Release();
        _heatmapSession?.Release();
    }

    private void Run()
    {
        double decodeMs = 0, preMs = 0, runMs = 0, postMs = 0;
        long t = Stopwatch.GetTimestamp();
        try
        {
            _options.JobFault?.Invoke(_request.JobId);
            _image = ImageDecoder.Decode(_request.Image, _options);
            _memory += _image.Bytes;
            decodeMs = Lap(ref t);
            float[] input = Preprocessing.ClassifierInput(_image.Bitmap, _model);
            _memory += input.Length * sizeof(float);
            preMs = Lap(ref t);
            float[] output = ModelRunner.Run(_session, input, [1, 3, _model.InputHeight, _model.InputWidth], _control.RunOptions, out _);
            _memory += output.Length * sizeof(float);
            runMs = Lap(ref t);
            float[] scores = _model.Softmax ? Preprocessing.Softmax(output) : output;
            var labelled = new List<LabelScore>(scores.Length);
            int best = 0;
            for (int i = 0; i < scores.Length; i++)
            {
                labelled.Add(new LabelScore(i < _model.Labels.Count ? _model.Labels[i] : $"class-{i}", scores[i]));
                best = scores[i] > scores[best] ? i : best;
            }

            if (labelled.Count == 0)
            {
                throw new InvalidDataException("the model's output is empty");
            }

            postMs = Lap(ref t);
            _prediction = new PredictionSucceeded(_request.JobId, _model.Name, labelled[best].Label, labelled,
                new StageTimings(_queuedMs, decodeMs, preMs, runMs, postMs, 0, 0), _image.DeclaredWidth, _image.DeclaredHeight,
                _image.Width, _image.Height, _memory, false, null);
        }
        catch (ImageRejectedException e)
        {
            Answer(new PredictionFailed(_request.JobId, _model.Name, PredictionFailureKind.InvalidImage, e.Message, e.Reason), heatmap: null);
            return;
        }
        catch (OnnxRuntimeException e)
        {
            Answer(new PredictionFailed(_request.JobId, _model.Name, PredictionFailureKind.InferenceFailed,
                $"ONNX Runtime refused the run of model '{_model.Name}': {ModelRunner.FirstLine(e.Message)}"), heatmap: null);
            return;
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or ArgumentException)
        {
            Answer(new PredictionFailed(_request.JobId, _model.Name, PredictionFailureKind.InferenceFailed,
                $"model '{_model.Name}': {e.GetType().Name}: {ModelRunner.FirstLine(e.Message)}"), heatmap: null);
            return;
        }

        if (!_options.Heatmap.Enabled || _heatmapSession is null)
        {
            _heatmapError = _heatmapSession is null ? $"model '{_model.Name}' has no heatmap model (actors.prediction.models.{_model.Name}.heatmap-path)" : "heatmaps are off (actors.prediction.heatmap.enabled)";
            Finish(null);
            return;
        }

        // The timer is armed before the child exists: whoever sees the heatmap at work knows its deadline is set.
        Timers.StartSingleTimer("heatmap", HeatmapTimedOut.Instance, _options.Heatmap.Timeout);
        _heatmap = Context.ActorOf(Props.Create(() => new HeatmapActor(_options, _model, _heatmapSession, _image.Bitmap, _control, _request.HeatmapBudgetBytes)), "heatmap");
        Context.Watch(_heatmap);
    }

    private void HeatmapGaveUp(string reason)
    {
        if (_answered)
        {
            return;
        }

        _control.CancelHeatmap();
        if (_heatmap is not null)
        {
            Context.Stop(_heatmap);
        }

        _heatmapError = reason;
        Finish(null);
    }

    private void Finish(HeatmapDrawn? drawn)
    {
        if (_answered || _prediction is null)
        {
            return;
        }

        Timers.Cancel("heatmap");
        _memory += drawn?.MemoryBytes ?? 0;
        double total = Stopwatch.GetElapsedTime(_admitted).TotalMilliseconds + _queuedMs;
        PredictionSucceeded answer = _prediction with
        {
            Timings = _prediction.Timings with { HeatmapMs = drawn?.Milliseconds ?? 0, TotalMs = total },
            MemoryBytes = _memory,
            HeatmapAvailable = drawn is not null,
            HeatmapError = drawn is null ? _heatmapError : null,
        };
        Answer(answer, drawn?.Png);
    }

    private void Answer(object reply, byte[]? heatmap)
    {
        _answered = true;
        Context.Parent.Tell(new JobOutcome(reply, _memory, heatmap));
        Context.Stop(Self);
    }

    private static double Lap(ref long t)
    {
        long now = Stopwatch.GetTimestamp();
        double ms = Stopwatch.GetElapsedTime(t, now).TotalMilliseconds;
        t = now;
        return ms;
    }
}
