using Actors.Sessions.Tests.Support;

namespace Actors.Sessions.Tests.Outbox;

/// <summary>The outbox contract on the PostgreSQL 15 journal (provider PostgreSQL.15; runs when .ci/run started it).</summary>
public sealed class PostgresOutboxTests() : OutboxContractTests(SessionTestConfig.PostgresOptions())
{
    [PostgresFact]
    public Task Enqueue_ThenNewSystem_RecoversEveryPendingMessageInOrder_Postgres() => Enqueue_ThenNewSystem_RecoversEveryPendingMessageInOrder();

    [PostgresFact]
    public Task Acknowledged_ThenNewSystem_IsNotHandedOutAgain_Postgres() => Acknowledged_ThenNewSystem_IsNotHandedOutAgain();

    [PostgresFact]
    public Task OverCapacity_AnswersQueueFull_AndStoresNothing_Postgres() => OverCapacity_AnswersQueueFull_AndStoresNothing();

    [PostgresFact]
    public Task SameKeyWhilePending_IsStoredOnce_Postgres() => SameKeyWhilePending_IsStoredOnce();

    [PostgresFact]
    public Task ManyEventsWithSnapshots_RecoverTheSameState_Postgres() => ManyEventsWithSnapshots_RecoverTheSameState();
}
