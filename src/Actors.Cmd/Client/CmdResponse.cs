using System.Text.Json;

namespace Actors.Cmd;

/// <summary>One response to a command.</summary>
/// <param name="Kind">Output, done or error.</param>
/// <param name="Id">The command's id.</param>
public sealed record CmdResponse(CmdResponseKind Kind, long Id)
{
    /// <summary>Human-readable text, if any.</summary>
    public string? Text { get; init; }

    /// <summary>Machine-readable data, if any.</summary>
    public JsonElement? Data { get; init; }

    /// <summary>For errors: one of <see cref="CmdErrorCodes"/>.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>For <see cref="CmdResponseKind.Done"/>: whether the command was cancelled.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Whether this is the last response of its command.</summary>
    public bool IsFinal => Kind != CmdResponseKind.Output;

    /// <summary>Deserializes <see cref="Data"/>.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <returns>The data, or default when there is none.</returns>
    public T? DataAs<T>() => Data is { } d ? d.Deserialize<T>(CmdJson.Options) : default;
}
