namespace Actors.Resilience.Units;

/// <summary>
/// The id of the <see cref="Identify"/> an instance sends its worker to learn that an incarnation is up: the worker's
/// mailbox (<see cref="WorkerMessageQueue"/>) serves it before any other message, so the answer means "started", not
/// "started and worked through its backlog".
/// </summary>
/// <param name="Incarnation">The incarnation asked about; an answer for an earlier one is ignored.</param>
/// <param name="MarksReady">
/// Whether the answer marks the worker ready (with <see cref="UnitKindOptions.ReadyOnStart"/>, or to confirm a
/// <see cref="UnitReady"/>); otherwise the answer only gives the instance a turn after the restart.
/// </param>
internal sealed record ReadyProbe(int Incarnation, bool MarksReady);
