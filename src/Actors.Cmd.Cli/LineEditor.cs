namespace Actors.Cmd.Cli;

/// <summary>
/// Reads a line at a prompt with history (Up/Down), cursor movement, and Tab completion. Falls back to plain
/// <see cref="Console.ReadLine"/> when input or output is redirected.
/// </summary>
internal sealed class LineEditor(Func<string, (int Start, IReadOnlyList<string> Candidates)> complete)
{
    private const int MaxHistory = 500;
    private readonly List<string> _history = [];

    public IReadOnlyList<string> History => _history;

    public void Add(string line)
    {
        if (line.Length > 0 && (_history.Count == 0 || _history[^1] != line))
        {
            _history.Add(line);
            if (_history.Count > MaxHistory)
            {
                _history.RemoveAt(0);
            }
        }
    }

    public void Load(IEnumerable<string> lines)
    {
        foreach (string line in lines)
        {
            Add(line);
        }
    }

    /// <summary>Reads one line; <see langword="null"/> at end of input (Ctrl+D on an empty line).</summary>
    public string? ReadLine(string prompt)
    {
        if (Console.IsInputRedirected || Console.IsOutputRedirected)
        {
            Console.Write(prompt);
            return Console.ReadLine();
        }

        var buffer = new System.Text.StringBuilder();
        int cursor = 0;
        int historyIndex = _history.Count;
        bool lastWasTab = false;
        bool previousCtrlC = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        try
        {
            Console.Write(prompt);
            while (true)
            {
                ConsoleKeyInfo key = Console.ReadKey(intercept: true);
                bool tab = false;
                switch (key.Key)
                {
                    case ConsoleKey.Enter:
                        Console.WriteLine();
                        return buffer.ToString();
                    case ConsoleKey.Backspace when cursor > 0:
                        buffer.Remove(--cursor, 1);
                        break;
                    case ConsoleKey.Delete when cursor < buffer.Length:
                        buffer.Remove(cursor, 1);
                        break;
                    case ConsoleKey.LeftArrow when cursor > 0:
                        cursor--;
                        break;
                    case ConsoleKey.RightArrow when cursor < buffer.Length:
                        cursor++;
                        break;
                    case ConsoleKey.Home:
                        cursor = 0;
                        break;
                    case ConsoleKey.End:
                        cursor = buffer.Length;
                        break;
                    case ConsoleKey.UpArrow when historyIndex > 0:
                        Replace(buffer, _history[--historyIndex], ref cursor);
                        break;
                    case ConsoleKey.DownArrow when historyIndex < _history.Count:
                        historyIndex++;
                        Replace(buffer, historyIndex == _history.Count ? string.Empty : _history[historyIndex], ref cursor);
                        break;
                    case ConsoleKey.Tab:
                        tab = true;
                        (int start, IReadOnlyList<string> candidates) = complete(buffer.ToString(0, cursor));
                        if (candidates.Count == 1)
                        {
                            buffer.Remove(start, cursor - start).Insert(start, candidates[0] + " ");
                            cursor = start + candidates[0].Length + 1;
                        }
                        else if (candidates.Count > 1)
                        {
                            string prefix = Completion.CommonPrefix(candidates);
                            if (prefix.Length > cursor - start)
                            {
                                buffer.Remove(start, cursor - start).Insert(start, prefix);
                                cursor = start + prefix.Length;
                            }
                            else if (lastWasTab)
                            {
                                Console.WriteLine();
                                Console.WriteLine(string.Join("  ", candidates));
                            }
                        }

                        break;
                    default:
                        if ((key.Modifiers & ConsoleModifiers.Control) != 0 && key.Key == ConsoleKey.C)
                        {
                            Console.WriteLine("^C");
                            buffer.Clear();
                            cursor = 0;
                        }
                        else if ((key.Modifiers & ConsoleModifiers.Control) != 0 && key.Key == ConsoleKey.D)
                        {
                            if (buffer.Length == 0)
                            {
                                Console.WriteLine();
                                return null;
                            }
                        }
                        else if (!char.IsControl(key.KeyChar))
                        {
                            buffer.Insert(cursor++, key.KeyChar);
                        }

                        break;
                }

                lastWasTab = tab;
                Redraw(prompt, buffer, cursor);
            }
        }
        finally
        {
            Console.TreatControlCAsInput = previousCtrlC;
        }
    }

    private static void Replace(System.Text.StringBuilder buffer, string text, ref int cursor)
    {
        buffer.Clear().Append(text);
        cursor = buffer.Length;
    }

    private static void Redraw(string prompt, System.Text.StringBuilder buffer, int cursor)
    {
        Console.Write("\r" + prompt + buffer + "\u001b[K");
        int back = buffer.Length - cursor;
        if (back > 0)
        {
            Console.Write($"\u001b[{back}D");
        }
    }
}
