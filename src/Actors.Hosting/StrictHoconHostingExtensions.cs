using Actors.Hosting.Configuration;
using Actors.Hosting.Validation;
using Microsoft.Extensions.Configuration;

namespace Actors.Hosting;

/// <summary>Loads configuration with the strict HOCON loader of Actors.Hocon before Akka's parser sees it.</summary>
public static class StrictHoconHostingExtensions
{
    /// <summary>
    /// Loads <paramref name="path"/> with the strict loader (the whole HOCON spec, <c>${?ENV}</c>, includes, errors
    /// naming file:line:column), applies environment overrides (<c>ACTORS__A__B</c> sets <c>actors.a.b</c>), checks
    /// every key under <c>actors.</c> against the known <c>reference.conf</c> files (an unknown one is printed on the
    /// console now and logged through Akka once the system starts, with where it was written and the closest known
    /// key), and adds the resolved tree to Akka's configuration ahead of what was added before
    /// (<see cref="HoconAddMode.Prepend"/>). It runs in the <c>AddAkka</c> callback, so before the actor system
    /// exists; an error makes host start-up throw a <see cref="HoconException"/>, which
    /// <see cref="ActorsHostExtensions.RunWithExitCodeAsync"/> turns into exit code 78. Call it before the
    /// extensions that read configuration (<c>WithResilience</c>, <c>WithAdminEndpoints</c>, <c>WithStartupValidation</c>);
    /// a later file wins over an earlier one.
    /// </summary>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="path">The file, relative to the working directory or absolute.</param>
    /// <param name="configure">Changes how it is loaded.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="HoconException">The file is missing (and required), malformed, or a substitution cannot be resolved.</exception>
    /// <exception cref="InvalidOperationException">An extension that reads the configuration was called before this one.</exception>
    public static AkkaConfigurationBuilder AddStrictHoconFile(this AkkaConfigurationBuilder builder, string path, Action<StrictHoconFileOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var options = new StrictHoconFileOptions();
        configure?.Invoke(options);
        HostingState state = HostingState.Of(builder);
        if (state.FirstReader is { } reader)
        {
            throw new InvalidOperationException(
                $"AddStrictHoconFile(\"{path}\") comes after {reader}, which has already read the configuration: call AddStrictHoconFile first in AddAkka.");
        }

        foreach (System.Reflection.Assembly assembly in options.ReferenceAssemblies)
        {
            state.ReferenceAssemblies.Add(assembly);
        }

        var warnings = new List<string>();
        Config file = SettingsFile.LoadHocon(
            path,
            options.Optional,
            missing: null,
            corrupt: (error, moved) => warnings.Add($"Optional configuration file {path} is corrupt ({error}); moved it to {moved} and using the defaults"),
            options.TimeProvider);
        Config user = file.WithFallback(state.User);
        if (options.EnvironmentOverrides)
        {
            IConfiguration overrides = options.Configuration ?? new ConfigurationBuilder().AddEnvironmentVariables().Build();
            user = ConfigurationHoconMapper.ToConfig(overrides).WithFallback(user);
        }

        state.SetUser(user);
        Config full = state.Full;
        Akka.Configuration.Config akka = full.ToAkkaConfig();
        Config reference = ReferenceConfig.Load(state.KnownReferenceAssemblies());
        warnings.AddRange(UnknownKeys.Find(full, reference));
        state.Warn(builder, warnings, options.Console);
        return builder.AddHocon(akka, HoconAddMode.Prepend);
    }
}
