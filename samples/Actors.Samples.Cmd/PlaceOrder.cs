namespace Actors.Samples.Cmd;

internal sealed record PlaceOrder(string Id);
