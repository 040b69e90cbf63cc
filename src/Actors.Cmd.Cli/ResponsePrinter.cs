using System.Text.Json;

namespace Actors.Cmd.Cli;

/// <summary>Prints responses for people (text, tables and trees as the server laid them out) or for scripts (NDJSON).</summary>
internal sealed class ResponsePrinter(TextWriter output, TextWriter error, bool json)
{
    /// <summary>How every error pbm prints begins, whatever its source (usage, connection, server), on stderr.</summary>
    public const string Prefix = "pbm: error: ";

    public bool Json => json;

    public void Print(CmdResponse response)
    {
        if (json)
        {
            output.WriteLine(ToJson(response));
            return;
        }

        switch (response.Kind)
        {
            case CmdResponseKind.Error:
                Failure(response.ErrorCode ?? CmdErrorCodes.CommandFailed, response.Text ?? string.Empty);
                break;
            case CmdResponseKind.Done when response.Cancelled:
                error.WriteLine("(cancelled)");
                break;
            default:
                if (response.Text is { } text)
                {
                    output.WriteLine(text);
                }
                else if (response.Data is { } data)
                {
                    output.WriteLine(JsonSerializer.Serialize(data, CmdJson.Indented));
                }

                break;
        }
    }

    /// <summary>A failure: <c>pbm: error: &lt;code&gt;: &lt;message&gt;</c> on stderr, or an error object with --json.</summary>
    public void Failure(string code, string message)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new { type = "error", id = 0, code, message, fatal = true }, CmdJson.Options));
        }
        else
        {
            error.WriteLine($"{Prefix}{code}: {message}");
        }
    }

    public void Info(string text)
    {
        if (!json)
        {
            output.WriteLine(text);
        }
    }

    public static string ToJson(CmdResponse r)
    {
        string type = r.Kind switch
        {
            CmdResponseKind.Output => CmdProtocol.Types.Output,
            CmdResponseKind.Done => CmdProtocol.Types.Done,
            _ => CmdProtocol.Types.Error,
        };
        var line = new Dictionary<string, object?> { ["type"] = type, ["id"] = r.Id };
        if (r.Kind == CmdResponseKind.Error)
        {
            line["code"] = r.ErrorCode;
            line["message"] = r.Text;
        }
        else if (r.Text is not null)
        {
            line["text"] = r.Text;
        }

        if (r.Data is { } data)
        {
            line["data"] = data;
        }

        if (r.Kind == CmdResponseKind.Done)
        {
            line["cancelled"] = r.Cancelled;
        }

        return JsonSerializer.Serialize(line, CmdJson.Options);
    }
}
