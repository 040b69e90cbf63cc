using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Actors.Hosting.Admin;

/// <summary>The page a list request asks for: <c>?limit=</c> (or its older name <c>?count=</c>) and <c>?offset=</c>.</summary>
/// <param name="Offset">Items skipped.</param>
/// <param name="Limit">Items answered at most.</param>
internal sealed record AdminPage(int Offset, int Limit)
{
    /// <summary>Reads the page from the query; a malformed or out-of-range value answers a 400 problem naming the parameter.</summary>
    public static bool TryRead(HttpRequest request, AdminEndpointOptions options, out AdminPage page, out IResult? problem)
    {
        page = new AdminPage(0, options.DefaultPageSize);
        problem = null;
        string limitName = request.Query.ContainsKey("limit") || !request.Query.ContainsKey("count") ? "limit" : "count";
        if (!TryReadInt(request, limitName, 1, options.MaxPageSize, options.DefaultPageSize, out int limit, ref problem)
            || !TryReadInt(request, "offset", 0, int.MaxValue, 0, out int offset, ref problem))
        {
            return false;
        }

        page = new AdminPage(offset, limit);
        return true;
    }

    /// <summary>This page of <paramref name="items"/>.</summary>
    public IReadOnlyList<T> Of<T>(IReadOnlyList<T> items) =>
        Offset >= items.Count ? [] : items.Skip(Offset).Take(Limit).ToArray();

    internal static bool TryReadInt(HttpRequest request, string name, int min, int max, int fallback, out int value, ref IResult? problem)
    {
        value = fallback;
        string? text = request.Query[name];
        if (text is null)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return true;
        }

        string range = max == int.MaxValue ? $"a whole number from {min}" : $"a whole number from {min} to {max}";
        problem = AdminProblems.BadRequest($"{name} must be {range}, found '{text}'.");
        return false;
    }
}
