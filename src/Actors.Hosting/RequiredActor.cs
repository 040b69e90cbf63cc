namespace Actors.Hosting;

/// <summary>Resolves <typeparamref name="TKey"/> from the registry, waiting up to the configured timeout.</summary>
internal sealed class RequiredActor<TKey>(ActorRegistry registry, ActorsRuntime runtime) : IRequiredActor<TKey>
{
    private IActorRef? _actor;

    public IActorRef ActorRef => _actor ?? GetAsync().GetAwaiter().GetResult();

    public async Task<IActorRef> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_actor is { } known)
        {
            return known;
        }

        IActorRef actor = await registry.GetAsync<TKey>(runtime.RequiredActorTimeout, cancellationToken).ConfigureAwait(false);
        _actor = actor;
        return actor;
    }
}
