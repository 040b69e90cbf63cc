using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Actors.Hosting;

/// <summary>How <see cref="StrictHoconHostingExtensions.AddStrictHoconFile"/> loads a file.</summary>
public sealed class StrictHoconFileOptions
{
    /// <summary>
    /// Whether start-up may go on with the defaults when the file is missing or corrupt. A missing optional file is
    /// skipped; a corrupt one is moved aside to <c>&lt;name&gt;.corrupted.&lt;timestamp&gt;</c> with a warning. A
    /// required file that is missing or corrupt fails start-up with its file:line:column (exit code 78).
    /// </summary>
    /// <value>Defaults to <see langword="false"/> (required).</value>
    public bool Optional { get; set; }

    /// <summary>
    /// Whether the <c>actors</c> section of <see cref="Configuration"/> overrides the file: the environment variable
    /// <c>ACTORS__ADMIN__PORT=9000</c> sets <c>actors.admin.port</c> (<c>__</c> separates keys, a single <c>_</c>
    /// becomes <c>-</c>).
    /// </summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool EnvironmentOverrides { get; set; } = true;

    /// <summary>Where overrides come from, for example the host builder's <c>Configuration</c> (appsettings, command line, environment).</summary>
    /// <value>Defaults to <see langword="null"/>: the process's environment variables.</value>
    public IConfiguration? Configuration { get; set; }

    /// <summary>
    /// Assemblies whose embedded <c>reference.conf</c> defines known keys, beyond Actors.Hosting, Actors.Resilience
    /// and every loaded assembly that embeds one. Keys under <c>actors.</c> that none defines are warned about.
    /// </summary>
    /// <value>Defaults to none.</value>
    public IList<Assembly> ReferenceAssemblies { get; } = new List<Assembly>();

    /// <summary>Where warnings (unknown keys, a corrupt optional file moved aside) are printed; they are also logged through Akka once the system starts.</summary>
    /// <value>Defaults to <see cref="Console.Error"/>; <see langword="null"/> prints nothing.</value>
    public TextWriter? Console { get; set; } = System.Console.Error;

    /// <summary>The clock that stamps a corrupt optional file moved aside.</summary>
    /// <value>Defaults to <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
