namespace Actors.Hosting;

/// <summary>The state of the hosted actor system, shared by the hosted service, the health check and the registry users.</summary>
internal sealed class ActorsRuntime
{
    private volatile ActorSystem? _system;
    private volatile Exception? _failure;
    private volatile int _status;

    public ActorsRuntimeStatus Status => (ActorsRuntimeStatus)_status;

    public ActorSystem? System => _system;

    public Exception? Failure => _failure;

    /// <summary>Set when the configuration has been read; 30 s until then.</summary>
    public TimeSpan RequiredActorTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public void Starting() => _status = (int)ActorsRuntimeStatus.Starting;

    public void Started(ActorSystem system)
    {
        _system = system;
        _status = (int)ActorsRuntimeStatus.Running;
    }

    public void Failed(Exception failure)
    {
        _failure = failure;
        _status = (int)ActorsRuntimeStatus.Failed;
    }

    public void Terminated()
    {
        if (_status != (int)ActorsRuntimeStatus.Failed)
        {
            _status = (int)ActorsRuntimeStatus.Terminated;
        }
    }
}
