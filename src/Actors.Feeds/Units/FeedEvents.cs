namespace Actors.Feeds.Units;

/// <summary>Published on the event stream when a connection delivers its first data frame.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Attempt">The connection attempt (1 = first).</param>
/// <param name="Reconnects">Reconnects so far.</param>
public sealed record FeedConnected(string Symbol, int Attempt, long Reconnects);

/// <summary>Published on the event stream when a connection ends (RestartSource then backs off and reconnects).</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Attempt">The connection attempt.</param>
/// <param name="Cause">dropped, refused, stale, gap, overflow, requested or completed.</param>
/// <param name="Message">What happened.</param>
public sealed record FeedDisconnected(string Symbol, int Attempt, string Cause, string Message);

/// <summary>Published when the stale detector fires.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="SilentFor">How long no data arrived.</param>
public sealed record FeedStaleDetected(string Symbol, TimeSpan SilentFor);

/// <summary>Published when the stream gives up after its restarts: the worker fails and the unit's breaker counts it.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Message">Why.</param>
public sealed record FeedGaveUp(string Symbol, string Message);

/// <summary>Published for every signal, with how it was confirmed.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Bias">The bias used.</param>
/// <param name="Outcome">The confirm outcome.</param>
/// <param name="Executed">Whether a paper order was executed.</param>
public sealed record FeedSignalHandled(string Symbol, Signals.SignalSide Side, double Bias, Confirm.ConfirmOutcome Outcome, bool Executed);
