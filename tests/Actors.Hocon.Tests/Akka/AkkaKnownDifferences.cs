using System.Text.RegularExpressions;

namespace Actors.Hocon.Tests.AkkaBridge;

/// <summary>
/// The skip list: every way Akka 1.5.75's <c>Config</c> reads a correctly converted value differently from ours.
/// Each is a property of Akka's getters (<c>Akka.Configuration.Hocon.HoconValue</c> and <c>Config.GetNode</c>), not
/// of the conversion; <see cref="AkkaKnownDifference.Example"/> shows each one.
/// </summary>
internal static partial class AkkaKnownDifferences
{
    /// <summary>The getter name under which an unaddressable path is reported.</summary>
    public const string AkkaPath = "AkkaPath";

    public static AkkaKnownDifference StringTrimmed { get; } = new(
        "string-trimmed",
        "Akka's HoconValue.GetString joins its literals and calls Trim(): leading and trailing whitespace of a string is "
        + "lost in every read (the literal in the tree keeps it).",
        "v = \"  padded  \"",
        "v",
        "GetString",
        (getter, value) => getter == "GetString" && value is HoconString s && s.Value.Length != s.Value.Trim().Length);

    public static AkkaKnownDifference StringNull { get; } = new(
        "string-null",
        "Akka's GetString returns null for the text null, so the quoted string \"null\" reads as the null literal "
        + "(Akka's own parser makes the same tree for both; the model has no way to tell them apart).",
        "v = \"null\"",
        "v",
        "GetString",
        (getter, value) => getter == "GetString" && value is HoconString s && s.Value.Trim() == "null");

    public static AkkaKnownDifference BooleanYesNo { get; } = new(
        "boolean-yes-no",
        "Akka's GetBoolean knows true/false/on/off only; yes and no throw NotSupportedException "
        + "(the string itself reads the same).",
        "v = yes",
        "v",
        "GetBoolean",
        (getter, value) => getter == "GetBoolean" && value is HoconString { Value: "yes" or "no" });

    public static AkkaKnownDifference IntegerSyntax { get; } = new(
        "integer-syntax",
        "Akka's GetInt/GetLong call int.Parse/long.Parse on the text: a whole number written with a fraction or an "
        + "exponent (2.0, 1e3) throws FormatException, where ours reads the number's value.",
        "v = 1e3",
        "v",
        "GetInt",
        (getter, value) => getter is "GetInt" or "GetLong" && ScalarText(value) is { } t && t.AsSpan().IndexOfAny(".eE") >= 0);

    public static AkkaKnownDifference DurationSyntax { get; } = new(
        "duration-syntax",
        "Akka's GetTimeSpan matches ^[0-9]+(\\.[0-9]+)?\\s*unit$ and parses a unit-less value as non-negative "
        + "milliseconds: a negative duration, or a number with a unit written with a sign, an exponent or a bare dot "
        + "(-5s, 1e3 ms, .5s), throws FormatException.",
        "v = -5s",
        "v",
        "GetTimeSpan",
        (getter, value) => getter == "GetTimeSpan" && ScalarText(value) is { } t && IsOutsideAkkaDurationSyntax(t.Trim()));

    public static AkkaKnownDifference DurationUnitUs { get; } = new(
        "duration-unit-us",
        "Akka's GetTimeSpan regex accepts the unit us, but its switch has no case for it and falls through to parsing "
        + "the whole text as milliseconds: 10 us throws FormatException (micros, micro, microsecond(s) work).",
        "v = 10us",
        "v",
        "GetTimeSpan",
        (getter, value) => getter == "GetTimeSpan" && ScalarText(value) is { } t && t.TrimEnd().EndsWith("us", StringComparison.Ordinal)
            && !t.TrimEnd().EndsWith("micros", StringComparison.Ordinal));

    public static AkkaKnownDifference ByteSizeSyntax { get; } = new(
        "byte-size-syntax",
        "Akka's GetByteSize calls long.Parse on the number before the unit: a size with a fraction or an exponent "
        + "(1.5 KiB) throws FormatException, where ours multiplies and truncates to whole bytes.",
        "v = \"1.5 KiB\"",
        "v",
        "GetByteSize",
        (getter, value) => getter == "GetByteSize" && ScalarText(value) is { } t && t.AsSpan().IndexOfAny(".eE") >= 0);

    public static AkkaKnownDifference IndexedObjectList { get; } = new(
        "indexed-object-list",
        "Ours reads an object whose keys are integers as a list (HOCON's numerically-indexed objects); Akka's "
        + "GetStringList of an object is empty. Converting such an object to an array would lose its keys.",
        "v { \"0\" = a, \"1\" = b }",
        "v",
        "GetStringList",
        (getter, value) => getter == "GetStringList" && value is HoconObject);

    public static AkkaKnownDifference QuoteInKey { get; } = new(
        "quote-in-key",
        "Akka's path syntax (SplitDottedPathHonouringQuotes) has no escapes, so a key containing '\"' cannot be "
        + "named in a path; the key and its value are in Akka's tree (Root.GetObject().Items) and are compared there.",
        "v { \"say \\\"hi\\\"\" = 1 }",
        "v.\"say \\\"hi\\\"\"",
        "GetString",
        (getter, _) => getter == AkkaPath);

    public static IReadOnlyList<AkkaKnownDifference> All { get; } =
    [
        StringTrimmed, StringNull, BooleanYesNo, IntegerSyntax, DurationSyntax, DurationUnitUs, ByteSizeSyntax, IndexedObjectList, QuoteInKey,
    ];

    public static AkkaKnownDifference? Find(string getter, HoconValue value) =>
        All.FirstOrDefault(d => d.Applies(getter, value));

    private static string? ScalarText(HoconValue value) => value is HoconString or HoconNumber ? value.ScalarText : null;

    private static bool IsOutsideAkkaDurationSyntax(string text)
    {
        if (text.StartsWith('-'))
        {
            return true;
        }

        var match = DurationShape().Match(text);
        return match.Success && match.Groups["unit"].Length > 0 && !AkkaDurationNumber().IsMatch(match.Groups["number"].Value);
    }

    [GeneratedRegex(@"^(?<number>[+-]?[0-9.]*([eE][+-]?[0-9]+)?)\s*(?<unit>[a-zA-Z]*)$")]
    private static partial Regex DurationShape();

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?$")]
    private static partial Regex AkkaDurationNumber();
}
