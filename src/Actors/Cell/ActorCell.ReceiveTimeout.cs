namespace Actors;

internal sealed partial class ActorCell
{
    public TimeSpan? ReceiveTimeout => _extras?.ReceiveTimeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is { } t && (t <= TimeSpan.Zero || t == Timeout.InfiniteTimeSpan))
        {
            timeout = null;
        }

        if (timeout is null)
        {
            if (_extras is not null)
            {
                _extras.ReceiveTimeout = null;
                CancelReceiveTimeout();
            }

            return;
        }

        Extras.ReceiveTimeout = timeout;
        RearmReceiveTimeout();
    }

    private void RearmReceiveTimeout()
    {
        CellExtras extras = Extras;
        if (extras.ReceiveTimeout is not { } timeout)
        {
            return;
        }

        int generation = ++extras.ReceiveTimeoutGeneration;
        extras.ReceiveTimeoutTimer?.Dispose();
        extras.ReceiveTimeoutTimer = _system.TimeProvider.CreateTimer(
            static state =>
            {
                var (self, gen) = ((LocalActorRef, int))state!;
                self.Tell(new ReceiveTimeoutFired(gen), null);
            },
            (Self, generation),
            timeout,
            Timeout.InfiniteTimeSpan);
    }

    private void CancelReceiveTimeout()
    {
        if (_extras is { } extras)
        {
            extras.ReceiveTimeoutGeneration++;
            extras.ReceiveTimeoutTimer?.Dispose();
            extras.ReceiveTimeoutTimer = null;
        }
    }

    private void ReceiveTimeoutTick(ReceiveTimeoutFired fired)
    {
        if (_extras is not { ReceiveTimeout: not null } extras || fired.Generation != extras.ReceiveTimeoutGeneration)
        {
            return;
        }

        ReceiveMessage(Actors.ReceiveTimeout.Instance);
        if (extras.ReceiveTimeout is not null && fired.Generation == extras.ReceiveTimeoutGeneration)
        {
            RearmReceiveTimeout();
        }
    }
}
