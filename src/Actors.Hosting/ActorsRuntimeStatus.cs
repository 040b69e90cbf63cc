namespace Actors.Hosting;

/// <summary>Where the hosted actor system is in its life.</summary>
internal enum ActorsRuntimeStatus
{
    NotStarted,
    Starting,
    Running,
    Failed,
    Terminated,
}
