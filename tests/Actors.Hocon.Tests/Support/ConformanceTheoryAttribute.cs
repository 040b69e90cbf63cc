namespace Actors.Hocon.Tests.Support;

/// <summary>A theory that is skipped, with a message saying why, when the conformance data folder is missing.</summary>
public sealed class ConformanceTheoryAttribute : TheoryAttribute
{
    public ConformanceTheoryAttribute()
    {
        if (ConformanceData.Directory is null)
        {
            Skip = ConformanceData.SkipReason;
        }
    }
}
