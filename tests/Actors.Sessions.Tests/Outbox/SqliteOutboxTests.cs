using Actors.Sessions.Tests.Support;

namespace Actors.Sessions.Tests.Outbox;

/// <summary>The outbox contract on the embedded SQLite journal (provider SQLite.MS).</summary>
public sealed class SqliteOutboxTests() : OutboxContractTests(SessionTestConfig.SqliteOptions())
{
    [Fact]
    public Task Enqueue_ThenNewSystem_RecoversEveryPendingMessageInOrder_Sqlite() => Enqueue_ThenNewSystem_RecoversEveryPendingMessageInOrder();

    [Fact]
    public Task Acknowledged_ThenNewSystem_IsNotHandedOutAgain_Sqlite() => Acknowledged_ThenNewSystem_IsNotHandedOutAgain();

    [Fact]
    public Task OverCapacity_AnswersQueueFull_AndStoresNothing_Sqlite() => OverCapacity_AnswersQueueFull_AndStoresNothing();

    [Fact]
    public Task SameKeyWhilePending_IsStoredOnce_Sqlite() => SameKeyWhilePending_IsStoredOnce();

    [Fact]
    public Task ManyEventsWithSnapshots_RecoverTheSameState_Sqlite() => ManyEventsWithSnapshots_RecoverTheSameState();
}
