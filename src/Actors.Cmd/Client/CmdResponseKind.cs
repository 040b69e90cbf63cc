namespace Actors.Cmd;

/// <summary>The kind of a command response.</summary>
public enum CmdResponseKind
{
    /// <summary>A non-final response; more follow.</summary>
    Output,

    /// <summary>The final response of a command that succeeded or was cancelled.</summary>
    Done,

    /// <summary>The final response of a command that failed.</summary>
    Error,
}
