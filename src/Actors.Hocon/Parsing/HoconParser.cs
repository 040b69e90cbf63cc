using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Actors.Hocon;

/// <summary>Recursive-descent parser from HOCON text to the raw (unresolved) tree.</summary>
internal sealed class HoconParser
{
    private readonly string _text;
    private readonly ParseSession _session;
    private readonly string _description;
    private readonly string? _directory;
    private readonly string[]? _prefix;
    private int[]? _lineStarts;
    private int _pos;
    private int _depth;
    private string[]? _currentPath;

    public HoconParser(string text, ParseSession session, string description, string? directory, string[]? prefix, int baseDepth = 0)
    {
        _text = text;
        _session = session;
        _description = description;
        _directory = directory;
        _prefix = prefix;
        _depth = baseDepth;
        _currentPath = prefix;
    }

    private bool AtEnd => _pos >= _text.Length;

    /// <summary>Parses a whole document (root braces optional).</summary>
    public RawObject ParseDocument()
    {
        var root = new RawObject(Origin(0));
        SkipWhitespace(crossNewlines: true);
        if (!AtEnd && _text[_pos] == '{')
        {
            _pos++;
            Enter(_pos - 1);
            ParseObjectBody(root, _prefix, braced: true);
            _depth--;
            SkipWhitespace(crossNewlines: true);
            if (!AtEnd)
            {
                throw Error(_pos, $"unexpected {Describe(_pos)} after the root object");
            }
        }
        else if (!AtEnd && _text[_pos] == '[')
        {
            throw Error(_pos, "the root of a HOCON document must be an object, found an array");
        }
        else
        {
            ParseObjectBody(root, _prefix, braced: false);
        }

        return root;
    }

    /// <summary>Parses a path expression such as <c>a.b."c.d"</c> (the whole text).</summary>
    public string[] ParsePathExpression(string expression)
    {
        _currentPath = null;
        SkipSpaces();
        var path = ParseKeyPath("path expression");
        SkipSpaces();
        if (!AtEnd)
        {
            throw Error(_pos, $"invalid path expression '{expression}': unexpected {Describe(_pos)}");
        }

        return path;
    }

    private void ParseObjectBody(RawObject target, string[]? path, bool braced)
    {
        int openPos = _pos - 1;
        while (true)
        {
            SkipWhitespace(crossNewlines: true);
            if (AtEnd)
            {
                if (braced)
                {
                    _currentPath = path;
                    throw Error(openPos, "unterminated object: expected '}' before the end of input");
                }

                return;
            }

            char c = _text[_pos];
            if (c == '}')
            {
                if (braced)
                {
                    _pos++;
                    return;
                }

                throw Error(_pos, "unexpected '}' without a matching '{'");
            }

            if (c == ',')
            {
                throw Error(_pos, "unexpected ',' (a field or '}' was expected)");
            }

            var saved = _currentPath;
            string[]? fieldPath;
            if (IsIncludeAt())
            {
                ParseInclude(target, path);
                fieldPath = path;
            }
            else
            {
                fieldPath = ParseField(target, path);
            }

            bool newline = SkipWhitespace(crossNewlines: false);
            if (!AtEnd)
            {
                c = _text[_pos];
                if (c == ',')
                {
                    _pos++;
                    SkipWhitespace(crossNewlines: true);
                    if (!AtEnd && _text[_pos] == ',')
                    {
                        throw Error(_pos, "two commas in a row");
                    }
                }
                else if (c != '}' && !newline)
                {
                    _currentPath = fieldPath;
                    throw Error(_pos, $"expected ',' or a newline after a field, found {Describe(_pos)}");
                }
            }

            _currentPath = saved;
        }
    }

    private string[]? ParseField(RawObject target, string[]? path)
    {
        var keyPath = ParseKeyPath("key");
        var full = path is null ? null : HoconPath.Concat(path, keyPath);
        _currentPath = full ?? keyPath;
        SkipWhitespace(crossNewlines: true);
        if (AtEnd)
        {
            throw Error(_pos, "expected ':', '=' or '{' after the key, found end of input");
        }

        RawNode value;
        char c = _text[_pos];
        if (c == '{')
        {
            value = ParseObjectValue(full);
        }
        else if (c == ':' || c == '=')
        {
            _pos++;
            SkipWhitespace(crossNewlines: true);
            value = ParseValue(full);
        }
        else if (c == '+' && _pos + 1 < _text.Length && _text[_pos + 1] == '=')
        {
            int opPos = _pos;
            _pos += 2;
            SkipWhitespace(crossNewlines: true);
            var element = ParseValue(full);
            var origin = Origin(opPos);
            var self = new RawSubstitution(origin, full ?? keyPath, null, optional: true);
            value = new RawConcat(origin, [self, new RawArray(element.Origin, [element])], ["", ""]);
        }
        else
        {
            throw Error(_pos, $"expected ':', '=' or '{{' after the key, found {Describe(_pos)}");
        }

        Assign(target, path, keyPath, value);
        return full ?? keyPath;
    }

    private static void Assign(RawObject target, string[]? path, string[] keyPath, RawNode value)
    {
        var current = target;
        var currentPath = path;
        for (int i = 0; i < keyPath.Length - 1; i++)
        {
            var childPath = HoconPath.Append(currentPath, keyPath[i]);
            if (current.Fields.TryGetValue(keyPath[i], out var existing) && existing is RawObject existingObject)
            {
                current = existingObject;
                currentPath = childPath;
                continue;
            }

            var nested = new RawObject(value.Origin);
            var inner = nested;
            var innerPath = childPath;
            for (int j = i + 1; j < keyPath.Length - 1; j++)
            {
                var next = new RawObject(value.Origin);
                inner.Fields[keyPath[j]] = next;
                inner = next;
                innerPath = HoconPath.Append(innerPath, keyPath[j]);
            }

            RawMerger.AssignInPlace(inner, keyPath[^1], value, HoconPath.Append(innerPath, keyPath[^1]));
            RawMerger.AssignInPlace(current, keyPath[i], nested, childPath);
            return;
        }

        RawMerger.AssignInPlace(current, keyPath[^1], value, HoconPath.Append(currentPath, keyPath[^1]));
    }

    private RawNode ParseValue(string[]? fieldPath)
    {
        var first = ParseSimpleValue(fieldPath);
        List<RawNode>? parts = null;
        List<string>? separators = null;
        while (true)
        {
            int wsStart = _pos;
            SkipSpaces();
            if (AtEnd || !IsValueStartAt(_pos))
            {
                break;
            }

            parts ??= [first];
            separators ??= [""];
            separators.Add(_text.Substring(wsStart, _pos - wsStart));
            parts.Add(ParseSimpleValue(fieldPath));
        }

        if (parts is null)
        {
            return first;
        }

        var concat = new RawConcat(first.Origin, parts, separators!);
        if (concat.HasSubstitutions)
        {
            return concat;
        }

        try
        {
            var value = Resolver.ResolveStandalone(concat);
            return value is null ? concat : new RawLiteral(value);
        }
        catch (HoconException e)
        {
            throw new HoconException(e.Detail, e.Origin, e.Line, e.Column, _currentPath is null ? null : HoconPath.Render(_currentPath), e);
        }
    }

    private bool IsValueStartAt(int pos)
    {
        char c = _text[pos];
        return c switch
        {
            '{' or '[' or '"' => true,
            '$' => pos + 1 < _text.Length && _text[pos + 1] == '{',
            _ => CharClass.IsUnquotedAt(_text, pos),
        };
    }

    private RawNode ParseSimpleValue(string[]? fieldPath)
    {
        if (AtEnd)
        {
            throw Error(_pos, "expected a value, found end of input");
        }

        char c = _text[_pos];
        switch (c)
        {
            case '{':
                return ParseObjectValue(fieldPath);
            case '[':
                return ParseArray();
            case '"':
            {
                var origin = Origin(_pos);
                return new RawLiteral(new HoconString(origin, ParseStringLiteral()));
            }

            case '$' when _pos + 1 < _text.Length && _text[_pos + 1] == '{':
                return ParseSubstitution();
        }

        if (!CharClass.IsUnquotedAt(_text, _pos))
        {
            throw Error(_pos, $"expected a value, found {Describe(_pos)}");
        }

        int start = _pos;
        while (!AtEnd && CharClass.IsUnquotedAt(_text, _pos))
        {
            _pos++;
        }

        var text = _text.Substring(start, _pos - start);
        var at = Origin(start);
        HoconValue value = text switch
        {
            "true" => new HoconBoolean(at, true),
            "false" => new HoconBoolean(at, false),
            "null" => new HoconNull(at),
            _ => IsNumber(text) ? new HoconNumber(at, text) : new HoconString(at, text),
        };
        return new RawLiteral(value);
    }

    private static bool IsNumber(string text)
    {
        int i = 0;
        int n = text.Length;
        if (i < n && text[i] == '-')
        {
            i++;
        }

        int digits = i;
        while (i < n && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i == digits)
        {
            return false;
        }

        if (i < n && text[i] == '.')
        {
            i++;
            int frac = i;
            while (i < n && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == frac)
            {
                return false;
            }
        }

        if (i < n && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < n && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            int exp = i;
            while (i < n && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == exp)
            {
                return false;
            }
        }

        return i == n;
    }

    private RawObject ParseObjectValue(string[]? fieldPath)
    {
        int open = _pos;
        Enter(open);
        _pos++;
        var obj = new RawObject(Origin(open));
        var saved = _currentPath;
        ParseObjectBody(obj, fieldPath, braced: true);
        _currentPath = saved;
        _depth--;
        return obj;
    }

    private RawArray ParseArray()
    {
        int open = _pos;
        Enter(open);
        _pos++;
        var items = new List<RawNode>();
        while (true)
        {
            SkipWhitespace(crossNewlines: true);
            if (AtEnd)
            {
                throw Error(open, "unterminated array: expected ']' before the end of input");
            }

            char c = _text[_pos];
            if (c == ']')
            {
                _pos++;
                break;
            }

            if (c == ',')
            {
                throw Error(_pos, "unexpected ',' (an array element or ']' was expected)");
            }

            items.Add(ParseValue(null));
            bool newline = SkipWhitespace(crossNewlines: false);
            if (AtEnd)
            {
                continue;
            }

            c = _text[_pos];
            if (c == ',')
            {
                _pos++;
                SkipWhitespace(crossNewlines: true);
                if (!AtEnd && _text[_pos] == ',')
                {
                    throw Error(_pos, "two commas in a row");
                }
            }
            else if (c != ']' && !newline)
            {
                throw Error(_pos, $"expected ',', a newline or ']' after an array element, found {Describe(_pos)}");
            }
        }

        _depth--;
        return new RawArray(Origin(open), items);
    }

    private RawSubstitution ParseSubstitution()
    {
        int start = _pos;
        _pos += 2;
        bool optional = false;
        if (!AtEnd && _text[_pos] == '?')
        {
            optional = true;
            _pos++;
        }

        SkipSpaces();
        var path = ParseKeyPath("substitution path");
        SkipSpaces();
        if (AtEnd || _text[_pos] != '}')
        {
            throw Error(AtEnd ? start : _pos, $"unterminated substitution: expected '}}', found {Describe(_pos)}");
        }

        _pos++;
        var origin = Origin(start);
        if (_prefix is { Length: > 0 })
        {
            return new RawSubstitution(origin, HoconPath.Concat(_prefix, path), path, optional);
        }

        return new RawSubstitution(origin, path, null, optional);
    }

    private string[] ParseKeyPath(string what)
    {
        var segments = new List<string>(4);
        var current = new StringBuilder();
        bool started = false;
        bool any = false;
        int wsStart = -1;
        int start = _pos;
        while (!AtEnd)
        {
            char c = _text[_pos];
            if (c == '"')
            {
                if (wsStart >= 0 && started)
                {
                    current.Append(_text, wsStart, _pos - wsStart);
                }

                wsStart = -1;
                current.Append(ParseStringLiteral());
                started = true;
                any = true;
                continue;
            }

            if (CharClass.IsSpace(c))
            {
                if (wsStart < 0)
                {
                    wsStart = _pos;
                }

                _pos++;
                continue;
            }

            if (!CharClass.IsUnquotedAt(_text, _pos))
            {
                break;
            }

            if (wsStart >= 0 && started)
            {
                current.Append(_text, wsStart, _pos - wsStart);
            }

            wsStart = -1;
            any = true;
            while (!AtEnd && CharClass.IsUnquotedAt(_text, _pos))
            {
                c = _text[_pos];
                if (c == '.')
                {
                    if (!started)
                    {
                        throw Error(_pos, $"empty segment in {what} (a '.' must separate two keys; quote keys that contain '.')");
                    }

                    segments.Add(current.ToString());
                    current.Clear();
                    started = false;
                }
                else
                {
                    current.Append(c);
                    started = true;
                }

                _pos++;
            }
        }

        if (wsStart >= 0)
        {
            _pos = wsStart;
        }

        if (!any)
        {
            throw Error(start, $"expected a {what}, found {Describe(start)}");
        }

        if (!started)
        {
            throw Error(_pos - 1, $"{what} ends with '.'");
        }

        segments.Add(current.ToString());
        return [.. segments];
    }

    private string ParseStringLiteral()
    {
        int start = _pos;
        if (_pos + 2 < _text.Length && _text[_pos + 1] == '"' && _text[_pos + 2] == '"')
        {
            _pos += 3;
            int close = _text.IndexOf("\"\"\"", _pos, StringComparison.Ordinal);
            if (close < 0)
            {
                throw Error(start, "unterminated triple-quoted string");
            }

            int end = close + 3;
            while (end < _text.Length && _text[end] == '"')
            {
                end++;
            }

            var content = _text.Substring(_pos, end - 3 - _pos);
            _pos = end;
            return content;
        }

        _pos++;
        StringBuilder? sb = null;
        int segment = _pos;
        while (true)
        {
            if (AtEnd)
            {
                throw Error(start, "unterminated quoted string");
            }

            char c = _text[_pos];
            if (c == '"')
            {
                string result;
                if (sb is null)
                {
                    result = _text.Substring(segment, _pos - segment);
                }
                else
                {
                    sb.Append(_text, segment, _pos - segment);
                    result = sb.ToString();
                }

                _pos++;
                return result;
            }

            if (c == '\n')
            {
                throw Error(_pos, "newline inside a quoted string (use \\n or a triple-quoted string)");
            }

            if (c != '\\')
            {
                _pos++;
                continue;
            }

            sb ??= new StringBuilder();
            sb.Append(_text, segment, _pos - segment);
            int escapePos = _pos;
            _pos++;
            if (AtEnd)
            {
                throw Error(start, "unterminated quoted string");
            }

            char e = _text[_pos++];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_pos + 4 > _text.Length
                        || !int.TryParse(_text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        throw Error(escapePos, "invalid \\u escape: expected four hexadecimal digits");
                    }

                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    throw Error(escapePos, $"invalid escape '\\{e}' in a quoted string");
            }

            segment = _pos;
        }
    }

    private bool IsIncludeAt()
    {
        const string Keyword = "include";
        if (!_text.AsSpan(_pos).StartsWith(Keyword, StringComparison.Ordinal))
        {
            return false;
        }

        int p = _pos + Keyword.Length;
        if (p >= _text.Length || !CharClass.IsSpace(_text[p]))
        {
            return false;
        }

        while (p < _text.Length && CharClass.IsSpace(_text[p]))
        {
            p++;
        }

        if (p >= _text.Length)
        {
            return false;
        }

        var rest = _text.AsSpan(p);
        return rest[0] == '"'
            || rest.StartsWith("file(", StringComparison.Ordinal)
            || rest.StartsWith("required(", StringComparison.Ordinal)
            || rest.StartsWith("classpath(", StringComparison.Ordinal)
            || rest.StartsWith("url(", StringComparison.Ordinal);
    }

    private void ParseInclude(RawObject target, string[]? path)
    {
        int start = _pos;
        _pos += "include".Length;
        SkipSpaces();
        bool required = false;
        int parens = 0;
        if (StartsWith("required("))
        {
            required = true;
            parens++;
            _pos += "required(".Length;
            SkipSpaces();
        }

        if (StartsWith("file("))
        {
            parens++;
            _pos += "file(".Length;
            SkipSpaces();
        }
        else if (StartsWith("classpath(") || StartsWith("url("))
        {
            string kind = StartsWith("url(") ? "url" : "classpath";
            throw Error(_pos, $"include {kind}(...) is not supported: only files can be included (use include \"name\" or include file(\"name\"))");
        }

        if (AtEnd || _text[_pos] != '"')
        {
            throw Error(_pos, $"expected a quoted file name after include, found {Describe(_pos)}");
        }

        int namePos = _pos;
        string name = ParseStringLiteral();
        for (int i = 0; i < parens; i++)
        {
            SkipSpaces();
            if (AtEnd || _text[_pos] != ')')
            {
                throw Error(_pos, $"expected ')' to close the include, found {Describe(_pos)}");
            }

            _pos++;
        }

        IncludeFiles(target, path, name, required, namePos);
    }

    private void IncludeFiles(RawObject target, string[]? path, string name, bool required, int namePos)
    {
        if (name.Length == 0)
        {
            throw Error(namePos, "include file name is empty");
        }

        if (_session.FileStack.Count >= ParseSession.MaxIncludeDepth)
        {
            throw Error(namePos, $"includes nest more than {ParseSession.MaxIncludeDepth} levels deep");
        }

        string baseDirectory = _directory ?? _session.Options.BaseDirectory ?? Directory.GetCurrentDirectory();
        string displayDirectory = _directory is null ? string.Empty : (Path.GetDirectoryName(_description) ?? string.Empty);
        string extension;
        string[] candidates;
        try
        {
            extension = Path.GetExtension(name);
            if (extension is ".conf" or ".json" or ".properties")
            {
                candidates = [name];
            }
            else
            {
                candidates = [name + ".properties", name + ".json", name + ".conf"];
            }
        }
        catch (ArgumentException e)
        {
            throw Error(namePos, $"invalid include file name \"{name}\": {e.Message}");
        }

        bool found = false;
        foreach (var candidate in candidates)
        {
            string file;
            string display;
            string fullPath;
            try
            {
                file = Path.IsPathRooted(candidate) ? candidate : Path.Combine(baseDirectory, candidate);
                display = Path.IsPathRooted(candidate) ? candidate : Path.Combine(displayDirectory, candidate);
                display = display.Replace('\\', '/');
                fullPath = Path.GetFullPath(file);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or IOException)
            {
                throw Error(namePos, $"invalid include file name \"{name}\": {e.Message}");
            }

            if (!File.Exists(fullPath))
            {
                continue;
            }

            found = true;
            int cycleStart = _session.FileStack.IndexOf(fullPath);
            if (cycleStart >= 0)
            {
                var chain = _session.DisplayStack.Skip(cycleStart).Append(display);
                throw Error(namePos, $"include cycle: {string.Join(" -> ", chain)}");
            }

            string text;
            try
            {
                text = File.ReadAllText(fullPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
            {
                throw Error(namePos, $"cannot read included file \"{display}\": {e.Message}");
            }

            RawObject included;
            _session.FileStack.Add(fullPath);
            _session.DisplayStack.Add(display);
            try
            {
                included = candidate.EndsWith(".properties", StringComparison.Ordinal)
                    ? PropertiesParser.Parse(text, display, path)
                    : new HoconParser(text, _session, display, Path.GetDirectoryName(fullPath), path, _depth).ParseDocument();
            }
            finally
            {
                _session.FileStack.RemoveAt(_session.FileStack.Count - 1);
                _session.DisplayStack.RemoveAt(_session.DisplayStack.Count - 1);
            }

            foreach (var pair in included.Fields)
            {
                RawMerger.AssignInPlace(target, pair.Key, pair.Value, HoconPath.Append(path, pair.Key));
            }
        }

        if (!found && required)
        {
            throw Error(namePos, $"required include file \"{name}\" was not found (looked in {baseDirectory})");
        }
    }

    private bool StartsWith(string value) => _text.AsSpan(_pos).StartsWith(value, StringComparison.Ordinal);

    private void Enter(int pos)
    {
        _depth++;
        if (_depth > _session.MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw Error(pos, $"objects and arrays nest too deeply (more than {_session.MaxDepth} levels)");
        }
    }

    /// <summary>Skips whitespace and comments; returns true when a newline was seen.</summary>
    private bool SkipWhitespace(bool crossNewlines)
    {
        bool newline = false;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '\n')
            {
                newline = true;
                if (!crossNewlines)
                {
                    return true;
                }

                _pos++;
            }
            else if (CharClass.IsSpace(c))
            {
                _pos++;
            }
            else if (c == '#' || (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/'))
            {
                int nl = _text.IndexOf('\n', _pos);
                _pos = nl < 0 ? _text.Length : nl;
            }
            else
            {
                break;
            }
        }

        return newline;
    }

    private void SkipSpaces()
    {
        while (_pos < _text.Length && CharClass.IsSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private string Describe(int pos)
    {
        if (pos >= _text.Length)
        {
            return "end of input";
        }

        char c = _text[pos];
        if (c == '\n')
        {
            return "a newline";
        }

        if (CharClass.IsForbidden(c) && c is not ('{' or '}' or '[' or ']' or ',' or '"'))
        {
            return $"'{c}' (a reserved character; put it in quotes)";
        }

        return char.IsControl(c) ? $"character U+{(int)c:X4}" : $"'{c}'";
    }

    private HoconOrigin Origin(int pos)
    {
        _lineStarts ??= ComputeLineStarts(_text);
        int index = Array.BinarySearch(_lineStarts, pos);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return new HoconOrigin(_description, index + 1, pos - _lineStarts[index] + 1);
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        int i = -1;
        while ((i = text.IndexOf('\n', i + 1)) >= 0)
        {
            starts.Add(i + 1);
        }

        return [.. starts];
    }

    private HoconException Error(int pos, string message) =>
        new(message, Origin(pos), _currentPath is null ? null : HoconPath.Render(_currentPath));
}
