using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Actors.Hocon;

/// <summary>Writes values as HOCON or JSON.</summary>
internal sealed class HoconRenderer
{
    private const int MaxLength = 64 * 1024 * 1024;

    private readonly StringBuilder _sb = new();
    private readonly HoconRenderOptions _options;

    private HoconRenderer(HoconRenderOptions options)
    {
        _options = options;
    }

    public static string Render(HoconValue value, HoconRenderOptions options)
    {
        var renderer = new HoconRenderer(options);
        renderer.Write(value, 0);
        return renderer._sb.ToString();
    }

    private void Write(HoconValue value, int level)
    {
        if (_sb.Length > MaxLength || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new HoconException("the value is too large or too deeply nested to render", value.Origin, null);
        }

        switch (value)
        {
            case HoconObject o:
                WriteObject(o, level);
                break;
            case HoconArray a:
                WriteArray(a, level);
                break;
            case HoconString s:
                HoconPath.AppendQuoted(_sb, s.Value);
                break;
            case HoconNumber n:
                WriteNumber(n);
                break;
            default:
                _sb.Append(value.ScalarText);
                break;
        }
    }

    private void WriteNumber(HoconNumber n)
    {
        if (!_options.Json)
        {
            _sb.Append(n.Text);
        }
        else if (n.IsInteger)
        {
            _sb.Append(n.Int64Value.ToString(CultureInfo.InvariantCulture));
        }
        else if (double.IsFinite(n.DoubleValue))
        {
            _sb.Append(n.DoubleValue.ToString("R", CultureInfo.InvariantCulture));
        }
        else
        {
            HoconPath.AppendQuoted(_sb, n.Text);
        }
    }

    private void WriteObject(HoconObject o, int level)
    {
        if (o.Count == 0)
        {
            _sb.Append("{}");
            return;
        }

        _sb.Append('{');
        bool first = true;
        foreach (var pair in o.Fields)
        {
            if (!first)
            {
                _sb.Append(_options.Json || !_options.Formatted ? "," : string.Empty);
            }

            first = false;
            NewLine(level + 1);
            if (_options.OriginComments && !_options.Json && _options.Formatted)
            {
                _sb.Append("# ").Append(pair.Value.Origin.ToString().Replace('\n', ' '));
                NewLine(level + 1);
            }

            if (_options.Json)
            {
                HoconPath.AppendQuoted(_sb, pair.Key);
                _sb.Append(_options.Formatted ? " : " : ":");
            }
            else
            {
                HoconPath.AppendKey(_sb, pair.Key, allowDot: false);
                _sb.Append(pair.Value is HoconObject ? " " : " = ");
            }

            Write(pair.Value, level + 1);
        }

        NewLine(level);
        _sb.Append('}');
    }

    private void WriteArray(HoconArray a, int level)
    {
        if (a.Count == 0)
        {
            _sb.Append("[]");
            return;
        }

        _sb.Append('[');
        for (int i = 0; i < a.Count; i++)
        {
            if (i > 0)
            {
                _sb.Append(',');
            }

            NewLine(level + 1);
            Write(a.Items[i], level + 1);
        }

        NewLine(level);
        _sb.Append(']');
    }

    private void NewLine(int level)
    {
        if (_options.Formatted)
        {
            _sb.Append('\n').Append(' ', Math.Max(0, _options.IndentSize) * level);
        }
        else if (!_options.Json)
        {
            _sb.Append(' ');
        }
    }
}
