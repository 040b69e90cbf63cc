using System.Collections.Concurrent;
using Actors.Tests.Support;

namespace Actors.Tests.Cell;

public sealed class ReceiveAsyncTests : TestKit.TestKit
{
    private sealed class AsyncWorker : ReceiveActor
    {
        private int _running;

        public AsyncWorker(IActorRef probe, ConcurrentDictionary<string, TaskCompletionSource> gates)
        {
            ReceiveAsync<string>(async s =>
            {
                if (Interlocked.Increment(ref _running) != 1)
                {
                    probe.Tell("overlap");
                }

                probe.Tell("begin " + s);
                await gates.GetOrAdd(s, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
                Interlocked.Decrement(ref _running);
                probe.Tell("end " + s);
                Sender.Tell("reply " + s);
                probe.Tell(Self);
            });
            Receive<int>(i => probe.Tell("sync " + i));
        }
    }

    private sealed class AsyncFailer : ReceiveActor
    {
        public AsyncFailer(IActorRef probe, Task gate)
        {
            ReceiveAsync<string>(async _ =>
            {
                await gate;
                throw new TestException("async boom");
            });
            Receive<int>(i => probe.Tell(i));
        }
    }

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();

    private TaskCompletionSource GateFor(string s) => _gates.GetOrAdd(s, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    [Fact]
    public void ReceiveAsync_SecondMessage_NotHandledUntilFirstTaskCompletes()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new AsyncWorker(probe, _gates)));
        actor.Tell("a", TestActor);
        actor.Tell("b", TestActor);
        actor.Tell(1, TestActor);
        probe.ExpectMsg("begin a");

        // While "a" awaits, neither "b" nor the synchronous 1 may run.
        Assert.Null(probe.ReceiveOne(TimeSpan.FromMilliseconds(200)));

        GateFor("a").SetResult();
        probe.ExpectMsg("end a");
        probe.ExpectMsg(actor);
        probe.ExpectMsg("begin b");
        Assert.Null(probe.ReceiveOne(TimeSpan.FromMilliseconds(100)));

        GateFor("b").SetResult();
        probe.ExpectMsg("end b");
        probe.ExpectMsg(actor);
        probe.ExpectMsg("sync 1");
        probe.ExpectNoMsg();
    }

    [Fact]
    public void ReceiveAsync_AfterAwait_SenderAndSelfStillValid()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new AsyncWorker(probe, _gates)));
        var asker = CreateTestProbe();
        asker.Send(actor, "x");
        probe.ExpectMsg("begin x");

        GateFor("x").SetResult();

        probe.ExpectMsg("end x");
        Assert.Equal(actor, probe.ExpectMsg<IActorRef>());
        asker.ExpectMsg("reply x");
        Assert.Equal(actor, asker.LastSender);
    }

    [Fact]
    public void ReceiveAsync_AlreadyCompletedTask_ProcessesInline()
    {
        var probe = CreateTestProbe();
        GateFor("done").SetResult();
        var actor = Sys.ActorOf(Props.Create(() => new AsyncWorker(probe, _gates)));
        actor.Tell("done", TestActor);
        actor.Tell(2, TestActor);
        probe.ExpectMsg("begin done");
        probe.ExpectMsg("end done");
        probe.ExpectMsg(actor);
        probe.ExpectMsg("sync 2");
        ExpectMsg("reply done");
    }

    [Fact]
    public void ReceiveAsync_FaultedTask_IsSupervisedFailureAndRestarts()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failures = CreateTestProbe();
        Sys.EventStream.Subscribe<ActorFailed>(failures);
        var actor = Sys.ActorOf(Props.Create(() => new AsyncFailer(TestActor, gate.Task)), "failer");
        actor.Tell("go");
        actor.Tell(7);

        EventFilter.Exception<TestException>(message: "async boom").ExpectOne(() => gate.SetResult());

        var failed = failures.ExpectMsg<ActorFailed>();
        Assert.Equal(Directive.Restart, failed.Directive);
        Assert.Equal(actor, failed.Child);
        Assert.Equal(typeof(string), failed.MessageType);

        // The message queued behind the failed task is processed by the restarted instance.
        ExpectMsg(7);
    }

    [Fact]
    public void ReceiveAsync_ActorStoppedWhileAwaiting_ContinuationIsDropped()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new AsyncWorker(probe, _gates)));
        Watch(actor);
        actor.Tell("a", TestActor);
        probe.ExpectMsg("begin a");

        Sys.Stop(actor);
        ExpectTerminated(actor);
        GateFor("a").SetResult();

        probe.ExpectNoMsg();
        ExpectNoMsg();
    }
}
