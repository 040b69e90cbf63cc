namespace Actors.Feeds.Paper;

/// <summary>A paper book's state.</summary>
/// <param name="Position">The signed quantity held.</param>
/// <param name="Cash">Cash flow so far (negative when bought).</param>
/// <param name="Fills">Fills so far.</param>
/// <param name="Bid">The best bid.</param>
/// <param name="Ask">The best ask.</param>
/// <param name="Recent">The most recent fills, newest first.</param>
public sealed record PaperPosition(decimal Position, decimal Cash, long Fills, decimal Bid, decimal Ask, IReadOnlyList<PaperFill> Recent);
