namespace Actors.Prediction.Configuration;

/// <summary>The heatmap child of each job, from <c>actors.prediction.heatmap</c>.</summary>
public sealed class HeatmapOptions
{
    /// <summary>Whether jobs draw a heatmap when their model has one.</summary>
    /// <value><see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>The heatmap's time budget; past it the prediction is returned with the heatmap unavailable.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The heatmap's memory budget in bytes (input tensor, output map, overlay bitmap and PNG, estimated before anything is allocated).</summary>
    /// <value>96 MB.</value>
    public long MemoryBudgetBytes { get; set; } = 96L * 1024 * 1024;

    /// <summary>The heatmap model's input long side in pixels (rounded down to a multiple of 32).</summary>
    /// <value>640.</value>
    public int MaxSide { get; set; } = 640;
}
