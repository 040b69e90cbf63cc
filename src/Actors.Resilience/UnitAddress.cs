namespace Actors.Resilience;

/// <summary>Reads the unit kind and instance id out of a path under <c>/user/units/&lt;kind&gt;/&lt;id&gt;</c>.</summary>
internal static class UnitAddress
{
    /// <summary>The name of the guardian of all unit kinds under <c>/user</c>.</summary>
    public const string UnitsName = "units";

    /// <summary>Returns the kind and (unescaped) id when <paramref name="path"/> is an instance or lies below one.</summary>
    public static bool TryParse(ActorPath path, out string kind, out string id)
    {
        IReadOnlyList<string> elements = path.Elements;
        if (elements.Count >= 4 && elements[0] == "user" && elements[1] == UnitsName)
        {
            kind = elements[2];
            id = Uri.UnescapeDataString(elements[3]);
            return true;
        }

        kind = string.Empty;
        id = string.Empty;
        return false;
    }

    /// <summary>Turns an instance id into a valid actor name (percent-encoding what paths do not allow).</summary>
    public static string ToActorName(string id)
    {
        string name = Uri.EscapeDataString(id);
        return name.StartsWith('$') ? "%24" + name[1..] : name;
    }
}
