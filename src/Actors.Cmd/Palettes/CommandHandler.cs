namespace Actors.Cmd;

/// <summary>
/// Runs one command. Write responses through the context; return (or throw) to end it. Runs on the thread pool, never
/// on an actor's thread: ask actors for what you need, and observe <see cref="CommandContext.CancellationToken"/>.
/// A <see cref="CommandException"/> becomes an error response with its code; any other exception becomes
/// <see cref="CmdErrorCodes.CommandFailed"/>.
/// </summary>
/// <param name="context">The running command.</param>
/// <returns>Completes when the command is done.</returns>
public delegate Task CommandHandler(CommandContext context);
