namespace Actors.Hosting;

/// <summary>
/// The key under which <see cref="ResilienceHostingExtensions.WithResilience"/> registers <c>/user/units</c> in
/// Akka.Hosting's <see cref="ActorRegistry"/>: inject <c>IRequiredActor&lt;ResilienceUnits&gt;</c> to send
/// <c>UnitMessage</c>s. (The aggregator, journal and memory guard are not registered: the resilience keeper replaces
/// them when they stop, so a registered reference could go stale; reach them through
/// <c>ResilienceRuntime.Get(system)</c>.)
/// </summary>
public sealed class ResilienceUnits
{
    private ResilienceUnits()
    {
    }
}
