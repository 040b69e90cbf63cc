namespace Actors.Hocon.Tests.Support;

/// <summary>A fact that is skipped, with a message saying why, when the conformance data folder is missing.</summary>
public sealed class ConformanceFactAttribute : FactAttribute
{
    public ConformanceFactAttribute()
    {
        if (ConformanceData.Directory is null)
        {
            Skip = ConformanceData.SkipReason;
        }
    }
}
