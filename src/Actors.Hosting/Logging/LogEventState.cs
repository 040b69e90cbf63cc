using System.Collections;
using Actors.Event;

namespace Actors.Hosting.Logging;

/// <summary>
/// The structured state of one forwarded log event, in the shape Microsoft.Extensions.Logging providers (and
/// Serilog) read: the template's named arguments, <c>ActorPath</c>, <c>MessageType</c>, <c>LogClass</c>, and the
/// template itself as <c>{OriginalFormat}</c> (last, by convention).
/// </summary>
internal sealed class LogEventState : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string ActorPathProperty = "ActorPath";
    public const string MessageTypeProperty = "MessageType";
    public const string LogClassProperty = "LogClass";

    private readonly LogEvent _event;
    private readonly KeyValuePair<string, object?>[] _items;

    public LogEventState(LogEvent e)
    {
        _event = e;
        List<string> names = PlaceholderNames(e.Template);
        int count = Math.Min(names.Count, e.Args.Count);
        _items = new KeyValuePair<string, object?>[count + 4];
        for (int i = 0; i < count; i++)
        {
            _items[i] = new(names[i], e.Args[i]);
        }

        _items[count] = new(ActorPathProperty, e.LogSource);
        _items[count + 1] = new(MessageTypeProperty, e.MessageType?.Name);
        _items[count + 2] = new(LogClassProperty, e.LogClass.FullName ?? e.LogClass.Name);
        _items[count + 3] = new("{OriginalFormat}", e.Template);
    }

    public int Count => _items.Length;

    public KeyValuePair<string, object?> this[int index] => _items[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => _event.Message;

    /// <summary>The names of <c>{Name}</c>, <c>{0}</c>, <c>{@Name:format}</c> placeholders in order; <c>{{</c> is an escaped brace.</summary>
    internal static List<string> PlaceholderNames(string template)
    {
        var names = new List<string>();
        for (int i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                continue;
            }

            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                i++;
                continue;
            }

            int end = template.IndexOf('}', i + 1);
            if (end < 0)
            {
                break;
            }

            string name = template[(i + 1)..end];
            int cut = name.IndexOfAny([':', ',']);
            if (cut >= 0)
            {
                name = name[..cut];
            }

            names.Add(name.TrimStart('@', '$').Trim());
            i = end;
        }

        return names;
    }
}
