namespace Actors.Tests.Support;

/// <summary>An exception type no kernel code throws, so filters and deciders can single it out.</summary>
public sealed class TestException : Exception
{
    public TestException()
        : base("test failure")
    {
    }

    public TestException(string message)
        : base(message)
    {
    }

    public TestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
