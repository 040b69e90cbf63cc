using Actors.Hosting.Configuration;
using Actors.Hosting.Validation;

namespace Actors.Hosting;

/// <summary>Start-up validation for an Akka.Hosting actor system.</summary>
public static class StartupValidationHostingExtensions
{
    /// <summary>
    /// Runs the checks declared by <paramref name="configure"/> (environment variables, settings, directories, free
    /// ports, reachable dependencies) at once, in the <c>AddAkka</c> callback, so before the actor system is created:
    /// when any fails, no actor starts and host start-up throws one <see cref="StartupValidationException"/> that
    /// lists every problem with its fix (<see cref="ActorsHostExtensions.RunWithExitCodeAsync"/> prints it and exits
    /// with 78). Settings are read from the configuration loaded by
    /// <see cref="StrictHoconHostingExtensions.AddStrictHoconFile"/> before this call.
    /// </summary>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="configure">Declares the checks.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="StartupValidationException">A check failed.</exception>
    public static AkkaConfigurationBuilder WithStartupValidation(this AkkaConfigurationBuilder builder, Action<StartupValidationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var checks = new StartupValidationBuilder();
        configure(checks);
        var context = new StartupValidationContext(HostingState.Of(builder).ReadBy(nameof(WithStartupValidation)));

        // Akka.Hosting's callback is synchronous; the generic host starts without a synchronization context, so
        // waiting here cannot deadlock, and it must finish before the callback returns and the system is created.
        IReadOnlyList<StartupProblem> problems = checks.ValidateAsync(context).GetAwaiter().GetResult();
        return problems.Count > 0 ? throw new StartupValidationException(problems) : builder;
    }
}
