namespace Actors.Samples.Node;

/// <summary>The work failed half-way (thrown while handling a message).</summary>
internal sealed class WorkFailedException(string message) : Exception(message);
