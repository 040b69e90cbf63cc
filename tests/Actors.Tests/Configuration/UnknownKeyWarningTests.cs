using Actors.Event;
using Actors.Hocon;

namespace Actors.Tests.Configuration;

public sealed class UnknownKeyWarningTests
{
    private sealed class Forwarder(TaskCompletionSource<string> seen) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is Warning w && w.Message.Contains("Unknown configuration key", StringComparison.Ordinal))
            {
                seen.TrySetResult(w.Message);
            }
        }
    }

    [Fact]
    public async Task Create_UnknownKey_LogsWarningThroughSystemLog()
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        ActorSystemOptions options = ActorSystemOptions.FromConfig(
            ConfigurationFactory.ParseString("actors {\n  stdout-logger = off\n  log-dead-leters = 3\n}", "app.conf"));
        options.Loggers.Add(Props.Create(() => new Forwarder(seen)));

        using ActorSystem system = ActorSystem.Create("unknown-keys", options);

        string message = await seen.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("'actors.log-dead-leters' at app.conf:3:", message, StringComparison.Ordinal);
    }
}
