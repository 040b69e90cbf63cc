using Actors.Tests.Support;

namespace Actors.Tests.Actor;

public sealed class NamesAndPathsTests : TestKit.TestKit
{
    public NamesAndPathsTests()
        : base(new ActorSystemOptions(), systemName: "sysname")
    {
    }

    private IActorRef Spawn(string? name = null) => Sys.ActorOf(LifecycleActor.Props(ActorRefs.Nobody), name);

    [Fact]
    public void ActorOf_UnnamedChildren_GetGeneratedNamesInOrder()
    {
        var parent = Spawn("parent");
        var names = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            parent.Tell(new CreateChild(LifecycleActor.Props(ActorRefs.Nobody)), TestActor);
            names.Add(ExpectMsg<IActorRef>().Path.Name);
        }

        Assert.Equal(["$a", "$b", "$c"], names);
    }

    [Fact]
    public void ActorOf_ManyUnnamed_NamesAreBase64AfterDollarAndFoundBySelection()
    {
        // 0 -> "$a", 63 -> "$~", 64 -> "$ba", 4095 -> "$~~", 4096 -> "$baa": the generated names Akka.NET users know.
        var refs = Enumerable.Range(0, 4097).Select(_ => Spawn()).ToArray();
        Assert.Equal("$a", refs[0].Path.Name);
        Assert.Equal("$~", refs[63].Path.Name);
        Assert.Equal("$ba", refs[64].Path.Name);
        Assert.Equal("$~~", refs[4095].Path.Name);
        Assert.Equal("$baa", refs[4096].Path.Name);
        Assert.Equal(4097, refs.Select(r => r.Path.Name).Distinct().Count());

        Sys.ActorSelection("/user/$ba").Tell(new Identify(1), TestActor);
        Assert.Equal(refs[64], ExpectMsg<ActorIdentity>().Subject);

        // Not canonical forms of a generated name: they name nobody.
        foreach (string other in new[] { "$aba", "$", "$b!" })
        {
            Sys.ActorSelection("/user/" + other).Tell(new Identify(other), TestActor);
            Assert.Null(ExpectMsg<ActorIdentity>().Subject);
        }
    }

    [Fact]
    public void Stop_UnnamedChild_LeavesTheChildren()
    {
        var parent = Spawn("parent");
        parent.Tell(new CreateChild(LifecycleActor.Props(ActorRefs.Nobody)), TestActor);
        var child = ExpectMsg<IActorRef>();
        Sys.ActorSelection("/user/parent/$a").Tell(new Identify(1), TestActor);
        Assert.Equal(child, ExpectMsg<ActorIdentity>().Subject);

        Watch(child);
        Sys.Stop(child);
        ExpectTerminated(child);

        Sys.ActorSelection("/user/parent/$a").Tell(new Identify(2), TestActor);
        Assert.Null(ExpectMsg<ActorIdentity>().Subject);
    }

    [Fact]
    public void ActorOf_UnnamedTopLevel_GeneratedNameStartsWithDollar()
    {
        var a = Spawn();
        var b = Spawn();
        Assert.StartsWith("$", a.Path.Name, StringComparison.Ordinal);
        Assert.NotEqual(a.Path.Name, b.Path.Name);
    }

    [Fact]
    public void ActorOf_DuplicateName_ThrowsInvalidActorName()
    {
        Spawn("same");
        Assert.Throws<InvalidActorNameException>(() => Spawn("same"));
    }

    [Fact]
    public void ActorOf_DuplicateChildNameInsideActor_FailsTheActor()
    {
        var parent = Spawn("parent");
        parent.Tell(new CreateChild(LifecycleActor.Props(ActorRefs.Nobody), "kid"), TestActor);
        ExpectMsg<IActorRef>();
        EventFilter.Exception<InvalidActorNameException>().ExpectOne(() => parent.Tell(new CreateChild(LifecycleActor.Props(ActorRefs.Nobody), "kid"), TestActor));
    }

    [Theory]
    [InlineData("")]
    [InlineData("$reserved")]
    [InlineData("a/b")]
    [InlineData("with space")]
    [InlineData("tab\t")]
    [InlineData("ünïcode")]
    public void ActorOf_MalformedName_ThrowsInvalidActorName(string name)
    {
        Assert.Throws<InvalidActorNameException>(() => Spawn(name));
        Assert.False(ActorPath.IsValidName(name));
    }

    [Theory]
    [InlineData("simple")]
    [InlineData("with-dash_and.dot")]
    [InlineData("a1:b@c&d=e+f,g!h~i*j'k;l$m%n")]
    public void ActorOf_ValidName_Accepted(string name)
    {
        Assert.True(ActorPath.IsValidName(name));
        Assert.Equal(name, Spawn(name).Path.Name);
    }

    [Fact]
    public void ActorOf_NameOfStoppedActor_CanBeReused()
    {
        var first = Spawn("reuse");
        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);

        var second = Spawn("reuse");

        Assert.Equal(first.Path, second.Path);
        Assert.NotEqual(first, second);   // a new incarnation
        Assert.NotEqual(first.Path.Uid, second.Path.Uid);
    }

    [Fact]
    public void ActorPath_ToString_UsesOwnSchemeAndSystemName()
    {
        var a = Spawn("a");
        a.Tell(new CreateChild(LifecycleActor.Props(ActorRefs.Nobody), "b"), TestActor);
        var b = ExpectMsg<IActorRef>();

        Assert.Equal("actors://sysname/user/a/b", b.Path.ToString());
        Assert.Equal("/user/a/b", b.Path.ToStringWithoutAddress());
        Assert.Equal("actors://sysname", b.Path.Address);
        Assert.Equal(["user", "a", "b"], b.Path.Elements);
        Assert.Equal(3, b.Path.Depth);
        Assert.Equal(a.Path, b.Path.Parent);
        Assert.Equal("actors://sysname/", b.Path.Root.ToString());
    }

    [Fact]
    public void ActorPath_Equality_ByAddressAndElementsNotUid()
    {
        var a = Spawn("a");
        ActorPath built = new RootActorPath("actors://sysname") / "user" / "a";

        Assert.Equal(built, a.Path);
        Assert.True(built == a.Path);
        Assert.Equal(built.GetHashCode(), a.Path.GetHashCode());
        Assert.NotEqual(new RootActorPath("actors://other") / "user" / "a", a.Path);
        Assert.NotEqual(new RootActorPath("actors://sysname") / "user" / "b", a.Path);
        Assert.NotEqual(new RootActorPath("actors://sysname") / "user", a.Path);
        Assert.True(built != (new RootActorPath("actors://sysname") / "user" / "a" / "x"));
        Assert.False(built.Equals(null));
    }

    [Fact]
    public void ActorPath_Child_SameAsSlashOperator()
    {
        var root = new RootActorPath("actors://x");
        Assert.Equal(root / "user" / "a", root.Child("user").Child("a"));
        Assert.True(root / "a" < root / "b");
        Assert.Equal("/", root.ToStringWithoutAddress());
    }

    [Fact]
    public void ActorRef_ToString_ContainsPathAndUid()
    {
        var a = Spawn("a");
        Assert.Equal($"actors://sysname/user/a#{a.Path.Uid}", a.ToString());
    }

    [Fact]
    public void Nobody_Tell_DiscardsWithoutDeadLetter()
    {
        Sys.EventStream.Subscribe<DeadLetter>(TestActor);
        ActorRefs.Nobody.Tell("ignored", TestActor);
        ExpectNoMsg();
    }
}
