namespace Actors.TestKit;

/// <summary>Timeouts of the test kit's expectations. They bound real waiting only when something is wrong.</summary>
public sealed class TestKitSettings
{
    /// <summary>How long a single expectation waits for a message.</summary>
    /// <value>Defaults to 3 seconds.</value>
    public TimeSpan SingleExpectDefault { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long multi-message operations (fish, receive-while, await-assert, event filters) wait.</summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
