namespace Actors.Samples.Cmd;

internal sealed class CountOrders
{
    public static readonly CountOrders Instance = new();
}
