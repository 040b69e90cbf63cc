namespace Actors.Hocon.Tests.AkkaBridge;

/// <summary>
/// A documented case where Akka's <c>Config</c> reads a converted value differently from ours because of how Akka's
/// getters work, so no conversion can fix it. It excuses a mismatch only when a read already differs and
/// <see cref="Applies"/> holds; <see cref="Example"/> proves the difference is real, so an entry that Akka stops
/// needing fails its test instead of silently hiding bugs.
/// </summary>
/// <param name="Name">A short identifier, reported in counts.</param>
/// <param name="Reason">Why Akka reads differently.</param>
/// <param name="Example">A HOCON document showing the case.</param>
/// <param name="ExamplePath">The path, in our syntax, that reads differently in <see cref="Example"/>.</param>
/// <param name="Getter">The getter that differs on the example (<c>GetString</c>, <c>GetInt</c>...).</param>
/// <param name="Applies">Whether the case covers a read of this getter on this value of ours.</param>
internal sealed record AkkaKnownDifference(
    string Name,
    string Reason,
    string Example,
    string ExamplePath,
    string Getter,
    Func<string, HoconValue, bool> Applies)
{
    public override string ToString() => Name;
}
