namespace Actors.Hosting.Configuration;

/// <summary>
/// Hands a strictly loaded, resolved configuration to Akka. Until Actors.Hocon's <c>ToAkkaConfig</c> is available
/// here, the resolved tree is rendered as JSON, the subset of HOCON that Akka's parser reads correctly.
/// </summary>
internal static class AkkaConfigBridge
{
    public static Akka.Configuration.Config ToAkka(Config config) =>
        Akka.Configuration.ConfigurationFactory.ParseString(config.ToJson());
}
