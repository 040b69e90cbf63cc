using Actors.Resilience.Tests.Support;
using Actors.Resilience.Units;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Resilience.Tests.Units;

/// <summary>
/// The route protocol on its own, with probes standing in for the region and the worker (a unit test of its logic):
/// a message counted into the region keeps the route closed until the region has routed it, so nothing sent later
/// overtakes it; a closed or retired route sends through the region again.
/// </summary>
public sealed class UnitRoutesTests(ITestOutputHelper output) : ResilienceTestKit(output)
{
    [Fact]
    public void Route_OpensOnlyOnceNothingCountedIsOnItsWay_ThenSendsStraight_UntilClosed()
    {
        TestProbe region = CreateTestProbe();
        TestProbe worker = CreateTestProbe();
        var queue = new WorkerMessageQueue(); // the worker's queue, standing alone: the probe gets only the wake-up
        var routes = new UnitRoutes { Region = region.Ref };
        UnitRoute route = routes.Attach("a");

        routes.Send(new UnitMessage("k", "a", "m1"), TestActor);
        RoutedMessage first = region.ExpectMsg<RoutedMessage>();
        Assert.Same(route, first.Route);
        Assert.Equal(1, route.InRegion);

        // The region would open the route now, but m1 is still on its way through it: the route stays closed, and m2
        // is counted through the region too.
        routes.TryOpen(route, worker.Ref, queue);
        Assert.False(routes.IsOpen("a"));
        routes.Send(new UnitMessage("k", "a", "m2"), TestActor);
        Assert.Equal("m2", region.ExpectMsg<RoutedMessage>().Message.Message);

        // The region routes both (it decrements before routing), then opens: m3 goes straight, m1 and m2 are ahead of it.
        lock (route)
        {
            route.InRegion -= 2;
        }

        routes.TryOpen(route, worker.Ref, queue);
        Assert.True(routes.IsOpen("a"));
        routes.Send(new UnitMessage("k", "a", "m3"), TestActor);
        Assert.True(queue.TryDequeue(out Envelope straight));
        Assert.Equal(("m3", TestActor), (straight.Message, straight.Sender));
        worker.ExpectMsg<WorkerNudge>(); // its mailbox was woken
        Assert.Equal(1, route.Sent);
        region.ExpectNoMsg(TimeSpan.Zero);

        // Closed: through the region again.
        UnitRoutes.Close(route);
        routes.Send(new UnitMessage("k", "a", "m4"), TestActor);
        Assert.Equal("m4", region.ExpectMsg<RoutedMessage>().Message.Message);
        Assert.False(queue.TryDequeue(out _));
        worker.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void RetiredRoute_SendersTakeANewOne_AndAnIdleRouteOfARefusedIdIsRetired()
    {
        TestProbe region = CreateTestProbe();
        var routes = new UnitRoutes { Region = region.Ref };
        UnitRoute old = routes.Attach("a");
        routes.RetireIfIdle("a", old);
        Assert.True(old.Retired);
        Assert.Equal(0, routes.Count);

        routes.Send(new UnitMessage("k", "a", "m1"), TestActor);
        RoutedMessage routed = region.ExpectMsg<RoutedMessage>();
        Assert.NotSame(old, routed.Route);
        Assert.Same(routed.Route, routes.Attach("a"));

        // Still counted on its way: not retired. Once the region has routed (refused) it: retired.
        routes.RetireIfIdle("a");
        Assert.Equal(1, routes.Count);
        lock (routed.Route)
        {
            routed.Route.InRegion--;
        }

        routes.RetireIfIdle("a");
        Assert.Equal(0, routes.Count);
        Assert.True(routed.Route.Retired);
    }

    [Fact]
    public void RouteOfAForgottenId_WithACountedMessageOnItsWay_IsKept()
    {
        // The region forgets an id (its instance is gone) while a sender's message counted into the route is still on
        // its way: retiring the route then would let the sender's next message open a new route and overtake it.
        TestProbe region = CreateTestProbe();
        var routes = new UnitRoutes { Region = region.Ref };
        UnitRoute route = routes.Attach("a");
        routes.Send(new UnitMessage("k", "a", "m1"), TestActor);
        region.ExpectMsg<RoutedMessage>();

        routes.RetireIfIdle("a", route);
        Assert.False(route.Retired);
        Assert.Same(route, routes.Attach("a"));
    }

    [Fact]
    public void Hold_ClosesOpenRoutes_AndKeepsThemClosedUntilReleased()
    {
        TestProbe region = CreateTestProbe();
        TestProbe worker = CreateTestProbe();
        var queue = new WorkerMessageQueue(); // the worker's queue, standing alone: the probe gets only the wake-up
        var routes = new UnitRoutes { Region = region.Ref };
        UnitRoute route = routes.Attach("a");
        routes.TryOpen(route, worker.Ref, queue);
        Assert.True(routes.IsOpen("a"));

        routes.Hold();
        Assert.False(routes.IsOpen("a"));
        routes.TryOpen(route, worker.Ref, queue);
        Assert.False(routes.IsOpen("a"));
        routes.Send(new UnitMessage("k", "a", "m1"), TestActor);
        Assert.Equal("m1", region.ExpectMsg<RoutedMessage>().Message.Message);
        Assert.False(queue.TryDequeue(out _));
        worker.ExpectNoMsg(TimeSpan.Zero);

        routes.Release();
        lock (route)
        {
            route.InRegion--;
        }

        routes.TryOpen(route, worker.Ref, queue);
        Assert.True(routes.IsOpen("a"));
    }
}
