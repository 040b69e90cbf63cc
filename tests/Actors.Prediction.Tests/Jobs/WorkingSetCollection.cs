namespace Actors.Prediction.Tests.Jobs;

/// <summary>Tests that measure the whole process's memory: xunit runs this collection with nothing else beside it.</summary>
[CollectionDefinition(LeakTests.Collection, DisableParallelization = true)]
public sealed class WorkingSetCollection;
