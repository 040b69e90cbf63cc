using System.Runtime;
using System.Runtime.InteropServices;

namespace Actors.Benchmarks.Support;

internal static class MachineInfo
{
    public static string Describe() =>
        $"{RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription} ({RuntimeInformation.ProcessArchitecture}), " +
        $"{Environment.ProcessorCount} logical cores, GC {(GCSettings.IsServerGC ? "server" : "workstation")}" +
        $"{(GCSettings.LatencyMode == GCLatencyMode.Interactive ? " concurrent" : string.Empty)}, " +
        $"tiered PGO {(AppContext.TryGetSwitch("System.Runtime.TieredPGO", out bool pgo) ? (pgo ? "on" : "off") : "default")}";
}
