namespace Actors.Tests.Support;

/// <summary>
/// Waits for a condition on kernel state while an actor is deliberately held busy (when the TestKit's idle-based
/// waits cannot be used). Bounded; fails with a message instead of hanging.
/// </summary>
internal static class Spin
{
    public static void Until(Func<bool> condition, string what)
    {
        if (!SpinWait.SpinUntil(condition, TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException($"Timed out waiting until {what}.");
        }
    }
}
