namespace Actors.Prediction.Jobs;

/// <summary>A job's answer to its model actor, which forwards it to the requester unless the job was already answered.</summary>
internal sealed record JobOutcome(object Reply, long MemoryBytes, byte[]? Heatmap);

/// <summary>The model actor's timer for one job.</summary>
internal sealed record JobTimedOut(IActorRef Job);

/// <summary>Tells a job or heatmap actor to do its work (sent to itself, so start-up never blocks its parent).</summary>
internal sealed record RunJob
{
    public static RunJob Instance { get; } = new();
}

/// <summary>The heatmap child's answer.</summary>
internal sealed record HeatmapDrawn(byte[] Png, long MemoryBytes, double Milliseconds);

/// <summary>The job's timer for its heatmap child.</summary>
internal sealed record HeatmapTimedOut
{
    public static HeatmapTimedOut Instance { get; } = new();
}
