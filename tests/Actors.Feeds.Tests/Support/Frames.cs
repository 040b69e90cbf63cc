using System.Globalization;

namespace Actors.Feeds.Tests.Support;

/// <summary>Exchange frames as the sample exchange writes them.</summary>
internal static class Frames
{
    public static string Ticker(string symbol, long seq, decimal price) =>
        string.Create(CultureInfo.InvariantCulture, $$$"""{"topic":"tickers.{{{symbol}}}","type":"snapshot","seq":{{{seq}}},"ts":1,"data":{"symbol":"{{{symbol}}}","lastPrice":"{{{price}}}"}}""");

    public static string Book(string symbol, long seq, decimal bid, decimal ask) =>
        string.Create(CultureInfo.InvariantCulture, $$$"""{"topic":"orderbook.1.{{{symbol}}}","type":"delta","seq":{{{seq}}},"ts":1,"data":{"s":"{{{symbol}}}","b":[["{{{bid}}}","1"]],"a":[["{{{ask}}}","1"]]}}""");
}
