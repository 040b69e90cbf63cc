namespace Actors.Resilience.Units;

/// <summary>
/// <see cref="StopNonCriticalUnits"/> as the units guardian passes it on after holding every kind's routes (see
/// <see cref="UnitRoutes.Hold"/>): the region releases its hold once it has stopped its instances. A
/// <c>StopNonCriticalUnits</c> told to a region directly stops the same instances and releases nothing.
/// </summary>
internal sealed class HeldStop
{
    private HeldStop()
    {
    }

    public static HeldStop Instance { get; } = new();
}
