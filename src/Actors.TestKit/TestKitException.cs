namespace Actors.TestKit;

/// <summary>An expectation of the test kit failed.</summary>
public sealed class TestKitException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TestKitException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected and what happened.</param>
    public TestKitException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected and what happened.</param>
    /// <param name="innerException">The cause.</param>
    public TestKitException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
