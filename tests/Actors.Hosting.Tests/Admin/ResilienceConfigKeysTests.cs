using Actors.Resilience;
using Actors.Resilience.Units;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Actors.Hosting.Tests.Admin;

/// <summary>Hosting loads the resilience reference.conf as a fallback, so its keys are known and typos in them are reported.</summary>
public sealed class ResilienceConfigKeysTests
{
    [Fact]
    public async Task UnknownKeys_ResilienceKeysKnown_OnlyTyposReported()
    {
        var logs = new CapturingLoggerProvider();

        // Both typos' warnings are published together at start, so once both arrived no other is pending.
        using IHost host = HostFixture.Build(
            a => a.AddHocon("""
                actors {
                  health.thresholds.cpu-percent = 70
                  memory { soft-threshold = 0.6, cooldown = 1m }
                  errors.capacity = 50
                  units {
                    default.backoff.min = 200ms
                    session.breaker { mode = consecutive, max-failures = 3 }
                    orders { critical = on, breaker.window = 1m }
                    orders.breaker.max-failure = 3
                  }
                  admin { port = 0, token = abc }
                  health.thresholds.cpu = 3
                }
                """),
            logs);
        await host.StartAsync();

        await logs.WaitFor(e => e.Message.Contains("'actors.health.thresholds.cpu'", StringComparison.Ordinal), HostFixture.Timeout);
        var typo = await logs.WaitFor(e => e.Message.Contains("'actors.units.orders.breaker.max-failure'", StringComparison.Ordinal), HostFixture.Timeout);
        string[] warnings = logs.Entries.Select(e => e.Message).Where(m => m.Contains("Unknown configuration key", StringComparison.Ordinal)).ToArray();

        Assert.Equal(2, warnings.Length);
        Assert.Contains("did you mean 'actors.units.orders.breaker.max-failures'", typo.Message, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task WithResilience_HoconConfiguresTheRuntime()
    {
        var logs = new CapturingLoggerProvider();
        using IHost host = HostFixture.Build(
            a => a.AddHocon("actors.errors.capacity = 42\nactors.units.orders.breaker.max-failures = 2")
                .WithResilience((options, config) => options.Kinds.Add(
                    Actors.Resilience.Configuration.UnitKindConfig.Read(config, "orders", id => Props.Create(() => new EchoWorker(id))))),
            logs);
        await host.StartAsync();

        ResilienceRuntime runtime = host.Services.GetRequiredService<ResilienceRuntime>();

        Assert.Equal(42, runtime.Options.Errors.Capacity);
        UnitKindOptions orders = Assert.Single(runtime.Options.Kinds);
        Assert.Equal(2, orders.Breaker.MaxFailures);
        Assert.Equal("x:hi", await runtime.Units.Ask<object>(new UnitMessage("orders", "x", "hi")).WaitAsync(HostFixture.Timeout));
        await host.StopAsync();
    }
}
