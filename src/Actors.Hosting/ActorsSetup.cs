namespace Actors.Hosting;

/// <summary>The builder and the late configuration callback handed from <c>AddActors</c> to the hosted service.</summary>
internal sealed record ActorsSetup(ActorsBuilder Builder, Action<ActorsBuilder, IServiceProvider>? LateConfigure);
