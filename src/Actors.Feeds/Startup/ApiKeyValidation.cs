using Actors.Hosting.Validation;

namespace Actors.Feeds.Startup;

/// <summary>Start-up checks for the exchange credentials.</summary>
public static class ApiKeyValidation
{
    /// <summary>The key's environment variable.</summary>
    public const string KeyVariable = "EXCHANGE_API_KEY";

    /// <summary>The secret's environment variable.</summary>
    public const string SecretVariable = "EXCHANGE_API_SECRET";

    /// <summary>
    /// Requires the API key and secret to be both set or both unset (public streams and paper trading need neither);
    /// one without the other fails start-up with a message naming both and exit code 78. A set value must not be
    /// blank or contain whitespace.
    /// </summary>
    /// <param name="checks">The start-up checks.</param>
    /// <param name="keyVariable">The key's variable.</param>
    /// <param name="secretVariable">The secret's variable.</param>
    /// <returns>The same builder.</returns>
    public static StartupValidationBuilder RequireApiKeyPair(this StartupValidationBuilder checks, string keyVariable = KeyVariable, string secretVariable = SecretVariable)
    {
        ArgumentNullException.ThrowIfNull(checks);
        return checks.Add((context, _) =>
        {
            var problems = new List<StartupProblem>();
            string? key = context.Environment(keyVariable);
            string? secret = context.Environment(secretVariable);
            bool hasKey = !string.IsNullOrEmpty(key);
            bool hasSecret = !string.IsNullOrEmpty(secret);
            if (hasKey != hasSecret)
            {
                string missing = hasKey ? secretVariable : keyVariable;
                string present = hasKey ? keyVariable : secretVariable;
                problems.Add(new StartupProblem($"environment variable {missing}", $"is not set, while {present} is: the exchange key and secret go together", $"set both {keyVariable} and {secretVariable}, or unset both to run public feeds with paper trading only"));
            }

            foreach ((string name, string? value) in new[] { (keyVariable, key), (secretVariable, secret) })
            {
                if (!string.IsNullOrEmpty(value) && (string.IsNullOrWhiteSpace(value) || value.Any(char.IsWhiteSpace)))
                {
                    problems.Add(new StartupProblem($"environment variable {name}", "contains whitespace (a copy-paste error?)", $"set {name} to the key exactly as the exchange issued it"));
                }
            }

            return Task.FromResult<IEnumerable<StartupProblem>>(problems);
        });
    }
}
