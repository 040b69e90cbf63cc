namespace Actors.Hocon;

/// <summary>
/// A resolved, immutable HOCON value. Every value remembers the origin (source, line, column) where it was written.
/// </summary>
public abstract class HoconValue
{
    private protected HoconValue(HoconOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        Origin = origin;
    }

    /// <summary>Where this value was written.</summary>
    public HoconOrigin Origin { get; }

    /// <summary>The kind of this value.</summary>
    public abstract HoconValueType Type { get; }

    /// <summary>
    /// The text of a scalar value as it would appear in a string concatenation (strings unquoted, numbers as written,
    /// <c>true</c>/<c>false</c>, <c>null</c>), or <see langword="null"/> for objects and arrays.
    /// </summary>
    public abstract string? ScalarText { get; }

    /// <summary>Renders the value with the given options.</summary>
    /// <param name="options">How to render.</param>
    /// <returns>The rendered text.</returns>
    public string Render(HoconRenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return HoconRenderer.Render(this, options);
    }

    /// <summary>Renders the value as HOCON.</summary>
    /// <returns>The rendered text.</returns>
    public override string ToString()
    {
        try
        {
            return HoconRenderer.Render(this, HoconRenderOptions.Default);
        }
        catch (HoconException e)
        {
            return $"<{e.Message}>";
        }
    }
}
