namespace Actors.Resilience.Units;

/// <summary>A <see cref="UnitMessage"/> a sender counted into <paramref name="Route"/> before sending it to the region.</summary>
internal sealed record RoutedMessage(UnitRoute Route, UnitMessage Message);
