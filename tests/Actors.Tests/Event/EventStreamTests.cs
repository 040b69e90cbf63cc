using Actors.Event;

namespace Actors.Tests.Event;

public sealed class EventStreamTests : TestKit.TestKit
{
    private record Animal(string Name);

    private sealed record Dog(string Name) : Animal(Name);

    private sealed record Car(string Name);

    [Fact]
    public void Subscribe_ByType_ReceivesPublishedEvent()
    {
        Assert.True(Sys.EventStream.Subscribe<Car>(TestActor));
        Sys.EventStream.Publish(new Car("vw"));
        ExpectMsg(new Car("vw"));
    }

    [Fact]
    public void Subscribe_BaseType_ReceivesSubtypes()
    {
        Sys.EventStream.Subscribe<Animal>(TestActor);
        Sys.EventStream.Publish(new Dog("rex"));
        Sys.EventStream.Publish(new Animal("generic"));
        Sys.EventStream.Publish(new Car("not an animal"));
        ExpectMsg(new Dog("rex"));
        ExpectMsg(new Animal("generic"));
        ExpectNoMsg();
    }

    [Fact]
    public void Subscribe_BaseAndSubtype_DeliveredOnce()
    {
        Sys.EventStream.Subscribe<Animal>(TestActor);
        Sys.EventStream.Subscribe<Dog>(TestActor);
        Sys.EventStream.Publish(new Dog("rex"));
        ExpectMsg(new Dog("rex"));
        ExpectNoMsg();
    }

    [Fact]
    public void Subscribe_Twice_ReturnsFalse()
    {
        Assert.True(Sys.EventStream.Subscribe<Car>(TestActor));
        Assert.False(Sys.EventStream.Subscribe<Car>(TestActor));
    }

    [Fact]
    public void Subscribe_Subtype_DoesNotReceiveBaseType()
    {
        Sys.EventStream.Subscribe<Dog>(TestActor);
        Sys.EventStream.Publish(new Animal("generic"));
        ExpectNoMsg();
    }

    [Fact]
    public void Unsubscribe_Channel_StopsDeliveryForThatChannelOnly()
    {
        Sys.EventStream.Subscribe<Car>(TestActor);
        Sys.EventStream.Subscribe<Animal>(TestActor);
        Assert.True(Sys.EventStream.Unsubscribe(TestActor, typeof(Car)));
        Assert.False(Sys.EventStream.Unsubscribe(TestActor, typeof(Car)));
        Sys.EventStream.Publish(new Car("vw"));
        Sys.EventStream.Publish(new Dog("rex"));
        ExpectMsg(new Dog("rex"));
        ExpectNoMsg();
    }

    [Fact]
    public void Unsubscribe_All_StopsAllDelivery()
    {
        Sys.EventStream.Subscribe<Car>(TestActor);
        Sys.EventStream.Subscribe<Animal>(TestActor);
        Assert.True(Sys.EventStream.Unsubscribe(TestActor));
        Sys.EventStream.Publish(new Car("vw"));
        Sys.EventStream.Publish(new Dog("rex"));
        ExpectNoMsg();
    }

    [Fact]
    public void Publish_TerminatedSubscriber_IsDroppedWithoutDeadLetter()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<Car>(probe);
        Sys.EventStream.Subscribe<Car>(TestActor);
        Watch(probe.Ref);
        Sys.Stop(probe.Ref);
        ExpectTerminated(probe.Ref);

        Sys.EventStream.Subscribe<DeadLetter>(TestActor);
        Sys.EventStream.Publish(new Car("vw"));

        ExpectMsg(new Car("vw"));
        ExpectNoMsg();
    }

    [Fact]
    public void DeadLetter_MessageToStoppedActor_IsPublished()
    {
        var probe = CreateTestProbe();
        Watch(probe.Ref);
        Sys.Stop(probe.Ref);
        ExpectTerminated(probe.Ref);
        Sys.EventStream.Subscribe<DeadLetter>(TestActor);

        probe.Ref.Tell("too late", TestActor);

        var dead = ExpectMsg<DeadLetter>();
        Assert.Equal("too late", dead.Message);
        Assert.Equal(TestActor, dead.Sender);
        Assert.Equal(probe.Ref, dead.Recipient);
    }

    [Fact]
    public void DeadLetter_ToStoppedActor_MatchedByEventFilter()
    {
        var probe = CreateTestProbe();
        Watch(probe.Ref);
        Sys.Stop(probe.Ref);
        ExpectTerminated(probe.Ref);
        EventFilter.DeadLetter<int>().Expect(2, () =>
        {
            probe.Ref.Tell(1, null);
            probe.Ref.Tell(2, null);
            probe.Ref.Tell("not an int", null);
        });
    }

    [Fact]
    public void DeadLetters_TellDirectly_PublishesDeadLetter()
    {
        Sys.EventStream.Subscribe<DeadLetter>(TestActor);
        Sys.DeadLetters.Tell("lost", TestActor);
        var dead = ExpectMsg<DeadLetter>();
        Assert.Equal("lost", dead.Message);
        Assert.Equal(Sys.DeadLetters, dead.Recipient);
    }

    [Fact]
    public void DeadLetters_ManyDeadLetters_LoggingPausesAfterConfiguredCount()
    {
        Sys.EventStream.Subscribe<Info>(TestActor);
        for (int i = 0; i < Sys.Settings.LogDeadLetters + 5; i++)
        {
            Sys.DeadLetters.Tell(i, null);
        }

        var infos = ReceiveWhile(m => m as Info);
        Assert.Equal(Sys.Settings.LogDeadLetters, infos.Count(i => i.Message.Contains("was not delivered", StringComparison.Ordinal)));
        Assert.Contains("pauses", infos[^1].Message, StringComparison.Ordinal);
    }

    private sealed class Picky : ReceiveActor
    {
        public Picky() => Receive<string>(_ => { });
    }

    [Fact]
    public void UnhandledMessage_ReceiveActorIgnoresType_IsPublished()
    {
        Sys.EventStream.Subscribe<UnhandledMessage>(TestActor);
        var actor = Sys.ActorOf(Props.Create(() => new Picky()));
        actor.Tell(3.5, TestActor);
        var unhandled = ExpectMsg<UnhandledMessage>();
        Assert.Equal(3.5, unhandled.Message);
        Assert.Equal(TestActor, unhandled.Sender);
        Assert.Equal(actor, unhandled.Recipient);
    }

    [Fact]
    public void UnhandledMessage_MatchedByEventFilter()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Picky()));
        EventFilter.Unhandled<int>().ExpectOne(() => actor.Tell(1, null));
    }
}
