using AkkaConfig = Akka.Configuration.Config;
using AkkaHoconArray = Akka.Configuration.Hocon.HoconArray;
using AkkaHoconElement = Akka.Configuration.Hocon.IHoconElement;
using AkkaHoconLiteral = Akka.Configuration.Hocon.HoconLiteral;
using AkkaHoconObject = Akka.Configuration.Hocon.HoconObject;
using AkkaHoconRoot = Akka.Configuration.Hocon.HoconRoot;
using AkkaHoconValue = Akka.Configuration.Hocon.HoconValue;

namespace Actors.Hocon;

/// <summary>
/// Hands a configuration loaded and resolved by this library to Akka.NET as an <see cref="AkkaConfig"/>, without
/// going through Akka's HOCON text parser.
/// </summary>
/// <remarks>
/// The conversion builds Akka's object model (<c>Akka.Configuration.Hocon.HoconRoot</c>, <c>HoconValue</c>,
/// <c>HoconObject</c>, <c>HoconArray</c>, <c>HoconLiteral</c>) directly from the resolved tree, so nothing is quoted,
/// escaped or parsed again: a key <c>"a.b"</c> stays one key, a string <c>"${x}"</c> stays that string, and
/// numbers keep the text they were written with (<c>10s</c>, <c>64MiB</c> and numbers too big for a 64-bit integer
/// read as they were written). The result has no substitutions left for Akka to resolve.
/// </remarks>
public static class AkkaConfigExtensions
{
    /// <summary>
    /// Converts a resolved configuration into Akka.NET's <see cref="AkkaConfig"/>, with the same keys and values.
    /// </summary>
    /// <param name="config">The configuration, typically loaded with <see cref="ConfigurationFactory"/> and merged
    /// with <see cref="Config.WithFallback"/>.</param>
    /// <returns>
    /// A new Akka configuration sharing nothing with <paramref name="config"/> or with earlier conversions. Scalars
    /// become Akka literals holding their text (a number as written, <c>true</c>/<c>false</c>); <c>null</c> becomes
    /// the literal <c>null</c>, as Akka's own parser reads <c>a = null</c>: Akka's <c>HasPath</c> is then true, its
    /// <c>GetString</c> returns <see langword="null"/>, and the null still hides a value of Akka's
    /// <c>WithFallback</c>, as in HOCON.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
    /// <exception cref="HoconException">A substitution in <paramref name="config"/> could not be resolved; the message
    /// names it, its file, line and column.</exception>
    public static AkkaConfig ToAkkaConfig(this Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var root = new AkkaHoconValue();

        // An explicit stack rather than recursion: a tree is as deep as the parse options allowed, and converting it
        // must not be what overflows the stack.
        var pending = new Stack<(HoconValue Source, AkkaHoconValue Target)>();
        pending.Push((config.Root, root));
        while (pending.TryPop(out var item))
        {
            item.Target.AppendValue(Convert(item.Source, pending));
        }

        return new AkkaConfig(new AkkaHoconRoot(root));
    }

    private static AkkaHoconElement Convert(
        HoconValue source,
        Stack<(HoconValue Source, AkkaHoconValue Target)> pending)
    {
        switch (source)
        {
            case HoconObject o:
                var obj = new AkkaHoconObject();
                foreach (var (key, value) in o.Items)
                {
                    var child = new AkkaHoconValue();
                    obj.Items.Add(key, child);
                    pending.Push((value, child));
                }

                return obj;
            case HoconArray a:
                var array = new AkkaHoconArray();
                foreach (var value in a.Items)
                {
                    var child = new AkkaHoconValue();
                    array.Add(child);
                    pending.Push((value, child));
                }

                return array;
            case HoconString s:
                return new AkkaHoconLiteral { Value = s.Value };
            case HoconNumber n:
                return new AkkaHoconLiteral { Value = n.Text };
            case HoconBoolean b:
                return new AkkaHoconLiteral { Value = b.Value ? "true" : "false" };
            case HoconNull:
                return new AkkaHoconLiteral { Value = "null" };
            default:
                throw new InvalidOperationException($"unknown HOCON value type {source.GetType().Name}");
        }
    }
}
