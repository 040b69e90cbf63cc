namespace Actors.Resilience.Supervision;

/// <summary>What the user's code threw: a failure in a constructor, PreStart or PostRestart arrives wrapped by Akka.</summary>
internal static class FailureCause
{
    public static Exception Unwrap(Exception cause) =>
        cause is ActorInitializationException { InnerException: { } inner } ? inner : cause;
}
