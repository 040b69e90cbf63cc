namespace Actors.Samples.Supervision;

/// <summary>The upstream refused a connection.</summary>
internal sealed class UpstreamRefusedException(string message) : Exception(message);
