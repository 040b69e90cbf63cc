namespace Actors.Prediction.Inference;

/// <summary>A heatmap that would need more memory than <c>actors.prediction.heatmap.memory-budget</c>.</summary>
public sealed class HeatmapBudgetException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The estimate and the budget.</param>
    public HeatmapBudgetException(string message)
        : base(message)
    {
    }
}
