namespace Actors.Cmd.Cli;

/// <summary>The process exit codes of pbm.</summary>
internal static class ExitCodes
{
    /// <summary>The command succeeded (or was cancelled by the operator).</summary>
    public const int Success = 0;

    /// <summary>The command failed, or was unknown or malformed.</summary>
    public const int CommandError = 1;

    /// <summary>The server could not be reached, or the connection broke.</summary>
    public const int ConnectionFailure = 2;

    /// <summary>pbm's own command line is wrong: an unknown option, a bad endpoint or port, a missing value (the usual exit code of a usage error).</summary>
    public const int UsageError = 2;

    /// <summary>The server required a token, or refused the one given.</summary>
    public const int AuthenticationFailure = 3;
}
