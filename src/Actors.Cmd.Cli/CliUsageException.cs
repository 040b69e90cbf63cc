namespace Actors.Cmd.Cli;

/// <summary>The command line could not be understood.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
