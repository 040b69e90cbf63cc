using FsCheck.Xunit;

namespace Actors.Tests.Pattern;

public sealed class PatternPropertyTests
{
    private static readonly DateTimeOffset s_start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Property(MaxTest = 500)]
    public void CalculateDelay_AnyInputs_WithinExponentialBoundsAndJitter(int restarts, int minMs, int spanMs, byte randomPercent, int seed)
    {
        int n = Math.Abs(restarts % 80);
        TimeSpan min = TimeSpan.FromMilliseconds(1 + Math.Abs(minMs % 60_000));
        TimeSpan max = min + TimeSpan.FromMilliseconds(Math.Abs(spanMs % 3_600_000));
        double randomFactor = (randomPercent % 101) / 100.0;

        TimeSpan delay = BackoffSupervisor.CalculateDelay(n, min, max, randomFactor, new Random(seed));

        double lower = Math.Min(max.Ticks, min.Ticks * Math.Pow(2, n));
        double upper = lower * (1 + randomFactor);
        Assert.InRange(delay.Ticks, (long)lower, (long)Math.Ceiling(upper));
    }

    [Property(MaxTest = 300)]
    public void StateMachine_RandomOperations_MatchesModel(int[] operations, bool windowed, byte maxFailures, byte probes)
    {
        var options = new CircuitBreakerOptions
        {
            MaxFailures = 1 + (maxFailures % 4),
            Window = windowed ? TimeSpan.FromSeconds(30) : null,
            ResetTimeout = TimeSpan.FromSeconds(10),
            MaxResetTimeout = TimeSpan.FromSeconds(40),
            ExponentialBackoffFactor = 2.0,
            HalfOpenMaxProbes = 1 + (probes % 3),
        };
        var machine = new CircuitBreakerStateMachine(options);
        var model = new Model(options);
        DateTimeOffset now = s_start;

        foreach (int raw in operations ?? [])
        {
            int op = Math.Abs(raw % 7);
            int arg = Math.Abs(raw / 7 % 25);
            switch (op)
            {
                case 0:
                    Assert.Equal(model.Acquire(now), machine.TryAcquire(now).IsAllowed);
                    break;
                case 1:
                    model.Success();
                    machine.RecordSuccess(now);
                    break;
                case 2:
                    model.Failure(now);
                    machine.RecordFailure(now);
                    break;
                case 3:
                    now += TimeSpan.FromSeconds(arg);
                    break;
                case 4:
                    model.Reset();
                    machine.Reset();
                    break;
                case 5:
                    model.TryHalfOpen(now);
                    machine.TryEnterHalfOpen(now);
                    break;
                default:
                    model.Release();
                    machine.Release(machine.Epoch);
                    break;
            }

            Assert.Equal(model.State, machine.State);
            Assert.Equal(model.FailureCount(now), machine.GetFailureCount(now));
            Assert.Equal(model.RetryAfter(now), machine.GetRetryAfter(now));
            Assert.Equal(model.ResetTimeout, machine.CurrentResetTimeout);
        }
    }

    /// <summary>The breaker as its specification reads: lists and plain comparisons, no epochs.</summary>
    private sealed class Model(CircuitBreakerOptions options)
    {
        private readonly List<DateTimeOffset> _failures = new();
        private int _admitted;
        private int _succeeded;
        private DateTimeOffset _openUntil;

        public CircuitBreakerState State { get; private set; } = CircuitBreakerState.Closed;

        public TimeSpan ResetTimeout { get; private set; } = options.ResetTimeout;

        public int FailureCount(DateTimeOffset now) => State != CircuitBreakerState.Closed
            ? 0
            : options.Window is { } w ? _failures.Count(t => t > now - w) : _failures.Count;

        public TimeSpan RetryAfter(DateTimeOffset now) =>
            State == CircuitBreakerState.Open && _openUntil > now ? _openUntil - now : TimeSpan.Zero;

        public bool Acquire(DateTimeOffset now)
        {
            if (State == CircuitBreakerState.Closed)
            {
                return true;
            }

            TryHalfOpen(now);
            if (State == CircuitBreakerState.HalfOpen && _admitted < options.HalfOpenMaxProbes)
            {
                _admitted++;
                return true;
            }

            return false;
        }

        public void TryHalfOpen(DateTimeOffset now)
        {
            if (State == CircuitBreakerState.Open && now >= _openUntil)
            {
                State = CircuitBreakerState.HalfOpen;
                _admitted = 0;
                _succeeded = 0;
            }
        }

        public void Success()
        {
            if (State == CircuitBreakerState.Closed && options.Window is null)
            {
                _failures.Clear();
            }
            else if (State == CircuitBreakerState.HalfOpen && ++_succeeded >= options.HalfOpenMaxProbes)
            {
                Reset();
            }
        }

        public void Failure(DateTimeOffset now)
        {
            if (State == CircuitBreakerState.Closed)
            {
                _failures.Add(now);
                if (FailureCount(now) >= options.MaxFailures)
                {
                    Open(now);
                }
            }
            else if (State == CircuitBreakerState.HalfOpen)
            {
                ResetTimeout = ResetTimeout * 2 > options.MaxResetTimeout ? options.MaxResetTimeout : ResetTimeout * 2;
                Open(now);
            }
        }

        public void Release()
        {
            if (State == CircuitBreakerState.HalfOpen && _admitted > 0)
            {
                _admitted--;
            }
        }

        public void Reset()
        {
            _failures.Clear();
            ResetTimeout = options.ResetTimeout;
            State = CircuitBreakerState.Closed;
        }

        private void Open(DateTimeOffset now)
        {
            _failures.Clear();
            _openUntil = now + ResetTimeout;
            State = CircuitBreakerState.Open;
        }
    }
}
