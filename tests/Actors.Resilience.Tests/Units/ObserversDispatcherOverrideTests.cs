using Actors.Resilience.Tests.Support;
using Xunit.Abstractions;

namespace Actors.Resilience.Tests.Units;

/// <summary>An application that declares the observers' dispatcher itself keeps its declaration.</summary>
public sealed class ObserversDispatcherOverrideTests(ITestOutputHelper output)
    : ResilienceTestKit(output, hocon: $"{ObserversDispatcher.Id} {{ type = Dispatcher, executor = default-executor }}")
{
    [Fact]
    public async Task DeclaredByTheApplication_TheObserversRunOnThePoolAndHealthAnswers()
    {
        ResilienceRuntime runtime = await StartAsync(FakeOptions());
        Assert.Equal("Dispatcher", Sys.Settings.Config.GetString($"{ObserversDispatcher.Id}.type"));
        Assert.Equal(ObserversDispatcher.Id, ((ActorRefWithCell)runtime.Health).Underlying.Props.Dispatcher);
        Assert.NotNull(await runtime.Health.Ask<Actors.Resilience.Health.HealthSnapshot>(Actors.Resilience.Health.GetHealthSnapshot.Instance, Signal));
    }
}
