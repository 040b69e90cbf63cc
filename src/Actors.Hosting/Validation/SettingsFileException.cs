namespace Actors.Hosting.Validation;

/// <summary>A required settings file is missing or corrupt; the message names file:line:column.</summary>
public sealed class SettingsFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SettingsFileException()
        : this("A settings file is missing or corrupt.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public SettingsFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SettingsFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
