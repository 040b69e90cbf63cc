using Actors.Cmd.Cli;

return await new CliApp(Console.Out, Console.Error, Environment.GetEnvironmentVariable).RunAsync(args).ConfigureAwait(false);
