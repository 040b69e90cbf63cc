using System.Diagnostics;
using Actors.Benchmarks.Support;
using Actors.Prediction.Configuration;
using Actors.Prediction.Hosting;
using Actors.Prediction.Images;
using Actors.Prediction.Inference;
using Actors.Prediction.Jobs;
using Actors.Resilience;
using Actors.Resilience.Units;
using Microsoft.ML.OnnxRuntime;

namespace Actors.Benchmarks.Prediction;

/// <summary>
/// <c>predict-throughput</c>: jobs/s of the orientation classifier (decode, preprocess, run, postprocess; no heatmap)
/// through the actors (the <c>prediction</c> unit kind: region, instance, model actor, a job actor per request),
/// against the same steps calling <c>InferenceSession.Run</c> directly in a loop on the same inputs, same session
/// settings, one run at a time in both. Target ratio >= 0.9.
/// </summary>
internal static class PredictThroughput
{
    public static BenchResult Run(BenchSettings settings)
    {
        var options = PredictionOptions.FromConfig(global::Actors.Hocon.ConfigurationFactory.Empty);
        options.Heatmap.Enabled = false;
        options.QueueCapacity = 100_000;
        options.MaxConcurrentJobs = 1; // like for like: one run at a time, as the direct loop
        ModelOptions model = options.Models["orientation"];
        string path = ModelOptions.Resolve(model.Path);
        if (!File.Exists(path))
        {
            Console.WriteLine($"  {path} is missing: run src/Actors.Prediction/assets/fetch-models.sh");
            return new BenchResult("predict-throughput", "jobs/s", 0, 0, "ratio >= 0.9", false, "model missing");
        }

        byte[] image = BenchImages.Page(640, 200);
        // Quick mode: 600 jobs a round (it was 1,000), so the whole quick run stays under 90 s on a slow machine.
        int jobs = settings == BenchSettings.Quick ? 600 : settings.PerTarget * 2;
        double direct = 0, actors = 0;
        for (int round = 0; round < 3; round++)
        {
            direct = Math.Max(direct, Direct(options, model, path, image, jobs));
            actors = Math.Max(actors, ThroughActors(options, image, jobs));
        }

        Console.WriteLine($"  {jobs} jobs per round, best of 3: direct loop {direct:0} jobs/s, through the actors {actors:0} jobs/s");
        return new BenchResult("predict-throughput", "jobs/s", actors, direct, "ratio >= 0.9", actors / direct >= 0.9, "InferenceSession.Run in a loop");
    }

    private static double Direct(PredictionOptions options, ModelOptions model, string path, byte[] image, int jobs)
    {
        using InferenceSession session = ModelRunner.Load(path, options.Session, "orientation");
        var shared = new SharedSession(session, path);
        using var runOptions = new RunOptions();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < jobs; i++)
        {
            using WorkingImage working = ImageDecoder.Decode(image, options);
            float[] input = Preprocessing.ClassifierInput(working.Bitmap, model);
            float[] output = ModelRunner.Run(shared, input, [1, 3, model.InputHeight, model.InputWidth], runOptions, out _);
            GC.KeepAlive(output);
        }

        return jobs / clock.Elapsed.TotalSeconds;
    }

    private static double ThroughActors(PredictionOptions options, byte[] image, int jobs)
    {
        ActorSystem system = BenchSystem.Create("predict-throughput");
        try
        {
            var runtime = new PredictionRuntime(options);
            ResilienceRuntime resilience = ResilienceRuntime.Start(system, new ResilienceOptions { Kinds = { new UnitKindOptions("prediction", runtime.WorkerProps) } });
            resilience.Units.Ask<object>(new UnitMessage("prediction", "orientation", new PredictionRequest("warm", image)), TimeSpan.FromSeconds(30)).Wait();
            var done = new CountdownEvent(jobs);
            IActorRef counter = system.ActorOf(Props.Create(() => new Countdown(done)));
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < jobs; i++)
            {
                resilience.Units.Tell(new UnitMessage("prediction", "orientation", new PredictionRequest("j" + i, image)), counter);
            }

            if (!done.Wait(TimeSpan.FromMinutes(5)))
            {
                throw new TimeoutException($"only {jobs - done.CurrentCount} of {jobs} jobs answered");
            }

            return jobs / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            BenchSystem.Shutdown(system);
        }
    }

    private sealed class Countdown : ReceiveActor
    {
        public Countdown(CountdownEvent done) => ReceiveAny(m =>
        {
            if (m is not PredictionSucceeded)
            {
                Console.WriteLine($"  unexpected answer {m}");
            }

            done.Signal();
        });
    }
}
