namespace Actors.Cmd.Cli;

/// <summary>The interactive mode: a prompt with history, help and tab completion from the downloaded palettes.</summary>
internal sealed class InteractiveShell(ICmdClient client, ResponsePrinter printer, TextWriter output)
{
    private IReadOnlyList<PaletteDescriptor> _palettes = [];

    private static string HistoryFile => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pbm_history");

    public async Task<int> RunAsync()
    {
        _palettes = await client.GetPalettesAsync().ConfigureAwait(false);
        var editor = new LineEditor(line => Completion.Complete(line, _palettes));
        TryLoadHistory(editor);
        CmdServerInfo s = client.Server;
        output.WriteLine($"Connected to {s.Node} at {s.Host}:{s.Port} ({s.Server}, protocol v{s.ProtocolVersion}{(s.Authenticated ? ", authenticated" : string.Empty)}).");
        output.WriteLine($"Palettes: {string.Join(", ", _palettes.Select(p => p.Name))}. Type 'help', Tab to complete, 'exit' to quit; Ctrl+C stops a streaming command.");
        int last = ExitCodes.Success;
        string prompt = $"pbm {s.Node}> ";
        while (client.IsConnected)
        {
            string? line = editor.ReadLine(prompt);
            if (line is null)
            {
                break;
            }

            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            editor.Add(line);
            string[] tokens = Tokenize(line);
            string first = tokens[0].ToUpperInvariant();
            if (first is "EXIT" or "QUIT")
            {
                break;
            }

            if (first == "HELP")
            {
                try
                {
                    output.WriteLine(HelpText.For(_palettes, tokens.Skip(1).ToArray()));
                }
                catch (CommandException e)
                {
                    printer.Failure(e.Code, e.Message);
                }

                continue;
            }

            if (first == "PALETTES")
            {
                _palettes = await client.GetPalettesAsync().ConfigureAwait(false);
                output.WriteLine($"Palettes: {string.Join(", ", _palettes.Select(p => p.Name))}.");
                continue;
            }

            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                last = await CliApp.ExecuteAsync(client, _palettes, tokens, printer, cancel.Token).ConfigureAwait(false);
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        }

        TrySaveHistory(editor);
        return client.IsConnected ? last : ExitCodes.ConnectionFailure;
    }

    /// <summary>Splits on spaces, keeping "quoted text" together.</summary>
    public static string[] Tokenize(string line)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        bool any = false;
        foreach (char c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (any)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                    any = false;
                }
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }

        if (any)
        {
            tokens.Add(current.ToString());
        }

        return tokens.ToArray();
    }

    private static void TryLoadHistory(LineEditor editor)
    {
        try
        {
            if (File.Exists(HistoryFile))
            {
                editor.Load(File.ReadLines(HistoryFile));
            }
        }
        catch (IOException)
        {
            // History is a convenience.
        }
        catch (UnauthorizedAccessException)
        {
            // History is a convenience.
        }
    }

    private static void TrySaveHistory(LineEditor editor)
    {
        try
        {
            File.WriteAllLines(HistoryFile, editor.History);
        }
        catch (IOException)
        {
            // History is a convenience.
        }
        catch (UnauthorizedAccessException)
        {
            // History is a convenience.
        }
    }
}
