// The main job until the node exists: a supervised session worker crashes on a refused upstream and is healed.
using Actors;
using Actors.Samples.Supervision;

Console.WriteLine("Actors supervision demo: a session worker whose upstream refuses every 3rd connect.");
Console.WriteLine("The supervisor restarts it (up to 10 times a minute); no try/catch in the worker.");

var options = new ActorSystemOptions { StdoutLogger = false };
using var system = ActorSystem.Create("supervision-demo", options);
var done = new TaskCompletionSource<Report>(TaskCreationOptions.RunContinuationsAsynchronously);

var reporter = system.ActorOf(Props.Create(() => new Reporter()), "reporter");
system.EventStream.Subscribe<ActorFailed>(reporter);

var supervisor = system.ActorOf(Props.Create(() => new SessionSupervisor(reporter, done)), "sessions");


supervisor.Tell(new SessionSupervisor.Start(Messages: 12));

Report report;
try
{
    report = await done.Task.WaitAsync(TimeSpan.FromSeconds(9));
}
catch (TimeoutException)
{
    Console.WriteLine("FAILED: the demo did not finish within 9 seconds.");
    return 1;
}

Console.WriteLine($"Summary: {report.Delivered} messages delivered, {report.Restarts} crashes healed by restart, worker incarnation #{report.Incarnation} still running.");
await system.Terminate();
Console.WriteLine("System terminated cleanly.");
return report.Delivered == 12 && report.Restarts > 0 ? 0 : 1;
