namespace Actors.Sessions.Worker;

/// <summary>A <c>send</c> frame of the session protocol.</summary>
internal sealed record SendFrame(string Type, string Key, string To, string Text);

/// <summary>A <c>ping</c> frame of the session protocol.</summary>
internal sealed record PingFrame(string Type, long N);
