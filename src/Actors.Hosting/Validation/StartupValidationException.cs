using System.Text;

namespace Actors.Hosting.Validation;

/// <summary>
/// Start-up validation found problems; all of them are listed in <see cref="Problems"/> and in the message. The host
/// exits with <see cref="ActorsExitCodes.ConfigurationInvalid"/>.
/// </summary>
public sealed class StartupValidationException : Exception
{
    /// <summary>Creates the exception with no problems listed.</summary>
    public StartupValidationException()
        : this("Start-up validation failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public StartupValidationException(string message)
        : base(message) => Problems = [];

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public StartupValidationException(string message, Exception innerException)
        : base(message, innerException) => Problems = [];

    /// <summary>Creates the exception listing <paramref name="problems"/>.</summary>
    /// <param name="problems">Every problem found.</param>
    public StartupValidationException(IReadOnlyList<StartupProblem> problems)
        : base(Describe(problems)) => Problems = problems;

    /// <summary>Every problem found, in the order the checks were declared.</summary>
    public IReadOnlyList<StartupProblem> Problems { get; }

    /// <summary>The process exit code for this failure.</summary>
    public static int ExitCode => ActorsExitCodes.ConfigurationInvalid;

    private static string Describe(IReadOnlyList<StartupProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var sb = new StringBuilder();
        sb.Append("Start-up validation failed with ").Append(problems.Count).Append(problems.Count == 1 ? " problem" : " problems")
            .Append(" (exit code ").Append(ActorsExitCodes.ConfigurationInvalid).Append("):");
        for (int i = 0; i < problems.Count; i++)
        {
            StartupProblem p = problems[i];
            sb.AppendLine().Append("  ").Append(i + 1).Append(". ").Append(p.Check).Append(": ").Append(p.Problem).Append('.')
                .AppendLine().Append("     Fix: ").Append(p.Remedy);
        }

        return sb.ToString();
    }
}
