using System.Reflection;
using System.Runtime.CompilerServices;

namespace Actors.PublicApi.Tests;

/// <summary>
/// The public API of each shipped assembly, compared with a committed snapshot so any change to it shows up as a
/// diff in review. To approve a change, copy <c>&lt;Assembly&gt;.received.txt</c> over <c>&lt;Assembly&gt;.approved.txt</c>.
/// </summary>
public sealed class PublicApiTests
{
    /// <summary>One type from each shipped assembly. Add an assembly with one line here.</summary>
    private static readonly Type[] s_shippedAssemblyAnchors =
    [
        typeof(Actors.Hocon.Config),
        typeof(Actors.Resilience.ResilienceRuntime),
        typeof(Actors.Hosting.ActorsExitCodes),
        typeof(Actors.Cmd.ICmdClient),
        typeof(Actors.Sessions.SessionGateway),
        typeof(Actors.Prediction.Hosting.PredictionRuntime),
        typeof(Actors.Feeds.Hosting.FeedsRuntime),
        typeof(Actors.Chaos.Hosting.ChaosRuntime),
    ];

    public static TheoryData<string> ShippedAssemblies => new(s_shippedAssemblyAnchors.Select(t => t.Assembly.GetName().Name!));

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void PublicApi_MatchesApprovedSnapshot(string assemblyName)
    {
        Assembly assembly = s_shippedAssemblyAnchors.Select(t => t.Assembly).Single(a => a.GetName().Name == assemblyName);
        string received = PublicApiRenderer.Render(assembly);
        string directory = SourceDirectory();
        string approvedPath = Path.Combine(directory, $"{assemblyName}.approved.txt");
        string receivedPath = Path.Combine(directory, $"{assemblyName}.received.txt");
        string? approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;

        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail(approved is null
            ? $"No approved public API for {assemblyName}. Review {receivedPath} and, if it is right, copy it to {approvedPath}."
            : $"The public API of {assemblyName} changed. Diff {receivedPath} against {approvedPath}; if the change is intended, copy the received file over the approved one and commit it.");
    }

    [Fact]
    public void Renderer_SameAssembly_IsDeterministic()
    {
        Assembly assembly = typeof(Actors.Resilience.ResilienceRuntime).Assembly;
        Assert.Equal(PublicApiRenderer.Render(assembly), PublicApiRenderer.Render(assembly));
    }

    [Fact]
    public void Renderer_ShowsSignaturesAndSkipsInternals()
    {
        string api = PublicApiRenderer.Render(typeof(Actors.Resilience.ResilienceRuntime).Assembly);
        Assert.Contains("public sealed class Actors.Resilience.Breaker.CircuitBreakerActor : UntypedActor\n", api, StringComparison.Ordinal);
        Assert.Contains("public sealed record Actors.Resilience.Units.UnitMessage : IEquatable<UnitMessage>\n", api, StringComparison.Ordinal);
        Assert.Contains("    public static Get(ActorSystem system) -> ResilienceRuntime?\n", api, StringComparison.Ordinal);
        Assert.Contains("    protected override LogFailure(IActorContext context, IActorRef child, Exception cause, Directive directive) -> Void\n", api, StringComparison.Ordinal);
        Assert.DoesNotContain("class Actors.Resilience.Units.UnitInstance ", api, StringComparison.Ordinal);
        Assert.DoesNotContain("ResilienceKeeper", api, StringComparison.Ordinal);
        Assert.DoesNotContain("UnitWorkerStrategy", api, StringComparison.Ordinal);
        Assert.DoesNotContain("WorkerMailbox", api, StringComparison.Ordinal);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
