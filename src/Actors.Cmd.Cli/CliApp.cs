namespace Actors.Cmd.Cli;

/// <summary>pbm's flows: parse, connect, then one command or the interactive shell. Returns the exit code.</summary>
internal sealed class CliApp(TextWriter output, TextWriter error, Func<string, string?> environment)
{
    private ResponsePrinter _printer = new(output, error, json: false);

    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        CliArguments cli;
        try
        {
            cli = CliArguments.Parse(args, environment);
        }
        catch (CliUsageException e)
        {
            bool json = args.Contains("--json");
            new ResponsePrinter(output, error, json).Failure("usage", e.Message);
            if (!json)
            {
                error.WriteLine();
                error.WriteLine(CliArguments.Usage);
            }

            return ExitCodes.UsageError;
        }

        _printer = new ResponsePrinter(output, error, cli.Json);
        if (cli.Help)
        {
            output.WriteLine(CliArguments.Usage);
            return ExitCodes.Success;
        }

        if (cli.Version)
        {
            output.WriteLine($"pbm {typeof(CliApp).Assembly.GetName().Version?.ToString(3)} (protocol v{CmdProtocol.Version})");
            return ExitCodes.Success;
        }

        ICmdClient client;
        try
        {
            client = await CmdClient.ConnectAsync(new CmdClientOptions
            {
                Host = cli.Host,
                Port = cli.Port,
                Token = cli.Token,
                ConnectTimeout = cli.Timeout,
                ClientName = "pbm/" + typeof(CliApp).Assembly.GetName().Version?.ToString(3),
            }).ConfigureAwait(false);
        }
        catch (CmdAuthenticationException e)
        {
            _printer.Failure(e.Code, $"authentication failed at {cli.Host}:{cli.Port}: {e.Message}");
            return ExitCodes.AuthenticationFailure;
        }
        catch (CmdConnectionException e)
        {
            _printer.Failure("connection-failed", e.Message);
            return ExitCodes.ConnectionFailure;
        }
        catch (CmdProtocolException e)
        {
            _printer.Failure(e.Code, $"{cli.Host}:{cli.Port} refused the session: {e.Message}");
            return ExitCodes.ConnectionFailure;
        }

        await using (client.ConfigureAwait(false))
        {
            try
            {
                return cli.Command.Count == 0
                    ? await new InteractiveShell(client, _printer, output).RunAsync().ConfigureAwait(false)
                    : await RunOneAsync(client, cli.Command).ConfigureAwait(false);
            }
            catch (CmdConnectionException e)
            {
                _printer.Failure("connection-lost", e.Message);
                return ExitCodes.ConnectionFailure;
            }
        }
    }

    private async Task<int> RunOneAsync(ICmdClient client, List<string> tokens)
    {
        IReadOnlyList<PaletteDescriptor> palettes = await client.GetPalettesAsync().ConfigureAwait(false);
        if (string.Equals(tokens[0], "help", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                output.WriteLine(HelpText.For(palettes, tokens.Skip(1).ToArray()));
                return ExitCodes.Success;
            }
            catch (CommandException e)
            {
                _printer.Failure(e.Code, e.Message);
                return ExitCodes.CommandError;
            }
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
            return await ExecuteAsync(client, palettes, tokens, _printer, cancel.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Runs one command line and prints its responses; the exit code reflects the final response.</summary>
    public static async Task<int> ExecuteAsync(ICmdClient client, IReadOnlyList<PaletteDescriptor> palettes, IReadOnlyList<string> tokens, ResponsePrinter printer, CancellationToken cancellationToken)
    {
        (string palette, CommandDescriptor command, Dictionary<string, string?> arguments) parsed;
        try
        {
            parsed = CmdClientExtensions.ParseCommandLine(palettes, tokens);
        }
        catch (CommandException e)
        {
            printer.Failure(e.Code, e.Message);
            return ExitCodes.CommandError;
        }

        int code = ExitCodes.Success;
        await foreach (CmdResponse r in client.ExecuteAsync(parsed.palette, parsed.command.Name, parsed.arguments, cancellationToken).ConfigureAwait(false))
        {
            printer.Print(r);
            if (r.Kind == CmdResponseKind.Error)
            {
                code = r.ErrorCode is CmdErrorCodes.AuthenticationRequired or CmdErrorCodes.AuthenticationFailed
                    ? ExitCodes.AuthenticationFailure
                    : ExitCodes.CommandError;
            }
        }

        return code;
    }
}
