namespace Actors.Hosting.Tests;

public sealed class ActorRegistryTests : TestKit.TestKit
{
    private sealed class Key;

    private sealed class OtherKey;

    [Fact]
    public async Task GetAsync_BeforeRegistration_WaitsForTheActor()
    {
        var registry = new ActorRegistry();
        Task<IActorRef> lookup = registry.GetAsync<Key>();
        Assert.False(lookup.IsCompleted);

        registry.Register<Key>(TestActor);

        Assert.Same(TestActor, await lookup.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Get_Missing_ThrowsNamingTheKey()
    {
        var registry = new ActorRegistry();
        registry.Register<OtherKey>(TestActor);

        var e = Assert.Throws<MissingActorRegistryEntryException>(registry.Get<Key>);

        Assert.Contains(typeof(Key).FullName!, e.Message, StringComparison.Ordinal);
        Assert.Contains("registered: OtherKey", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_WithTimeout_NeverRegistered_ThrowsNamingTheKey()
    {
        var registry = new ActorRegistry();

        var e = await Assert.ThrowsAsync<MissingActorRegistryEntryException>(() => registry.GetAsync<Key>(TimeSpan.FromMilliseconds(100)));

        Assert.Contains(typeof(Key).FullName!, e.Message, StringComparison.Ordinal);
        Assert.Equal(typeof(Key), e.Key);
    }

    [Fact]
    public void Register_Nobody_IsRefused()
    {
        var registry = new ActorRegistry();

        Assert.Throws<ArgumentException>(() => registry.Register<Key>(ActorRefs.Nobody));
        Assert.False(registry.TryGet<Key>(out _));
    }

    [Fact]
    public void TryRegister_Twice_KeepsTheFirst()
    {
        var registry = new ActorRegistry();
        IActorRef other = CreateTestProbe().Ref;

        Assert.True(registry.TryRegister<Key>(TestActor));
        Assert.False(registry.TryRegister<Key>(other));
        Assert.Throws<InvalidOperationException>(() => registry.Register<Key>(other));
        Assert.Same(TestActor, registry.Get<Key>());
    }
}
