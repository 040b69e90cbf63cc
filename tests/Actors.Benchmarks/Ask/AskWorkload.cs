using System.Diagnostics;
using Actors.Benchmarks.Support;

namespace Actors.Benchmarks.Ask;

internal sealed class Question
{
    public static readonly Question Instance = new();
}

/// <summary>Answers every question with the same object.</summary>
internal sealed class Echo : ReceiveActor
{
    public Echo() => Receive<Question>(q => Sender.Tell(q, Self));
}

/// <summary>Sequential asks from one async caller, each timed from the call to the continuation running.</summary>
internal sealed class AskWorkload : IDisposable
{
    private readonly ActorSystem _system;
    private readonly IActorRef _echo;

    public AskWorkload()
    {
        _system = BenchSystem.Create("ask");
        _echo = _system.ActorOf(Props.Create<Echo>(), "echo");
    }

    public Task<Question> AskOnce() => _echo.Ask<Question>(Question.Instance);

    public async Task MeasureAsync(int count, Latencies into)
    {
        for (int i = 0; i < count; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            await _echo.Ask<Question>(Question.Instance).ConfigureAwait(false);
            into.Add(Stopwatch.GetTimestamp() - t0);
        }
    }

    public void Dispose() => BenchSystem.Shutdown(_system);
}

/// <summary>
/// Baseline for Ask: a <see cref="TaskCompletionSource{T}"/> (continuations asynchronous, as Ask's) completed by a
/// work item on another thread-pool thread, awaited by the caller.
/// </summary>
internal static class RawAsk
{
    private sealed class Answer(TaskCompletionSource<Question> promise) : IThreadPoolWorkItem
    {
        public void Execute() => promise.TrySetResult(Question.Instance);
    }

    public static Task<Question> AskOnce()
    {
        var promise = new TaskCompletionSource<Question>(TaskCreationOptions.RunContinuationsAsynchronously);
        ThreadPool.UnsafeQueueUserWorkItem(new Answer(promise), preferLocal: false);
        return promise.Task;
    }

    public static async Task MeasureAsync(int count, Latencies into)
    {
        for (int i = 0; i < count; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            await AskOnce().ConfigureAwait(false);
            into.Add(Stopwatch.GetTimestamp() - t0);
        }
    }
}
