namespace Actors.Samples.Node;

/// <summary>What the flaky workers themselves did, counted independently of the health aggregator and the journal.</summary>
internal static class FlakyStats
{
    private static long s_refusedConnects;
    private static long s_failedMessages;
    private static long s_served;

    public static long RefusedConnects => Interlocked.Read(ref s_refusedConnects);

    public static long FailedMessages => Interlocked.Read(ref s_failedMessages);

    public static long Served => Interlocked.Read(ref s_served);

    public static long Thrown => RefusedConnects + FailedMessages;

    public static void Refused() => Interlocked.Increment(ref s_refusedConnects);

    public static void Failed() => Interlocked.Increment(ref s_failedMessages);

    public static void Serve() => Interlocked.Increment(ref s_served);
}
