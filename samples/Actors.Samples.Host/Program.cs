// An Akka.Hosting application that adds the Actors layer to its AddAkka call: hocon/node.conf through the strict
// loader, start-up validation before the actor system exists, actor logs to Serilog (console + file), and an exit
// code that says why it could not start.
//
//   EXCHANGE_API_KEY=demo dotnet run --project samples/Actors.Samples.Host -c Release   -> runs ~3 s, exit code 0
//   dotnet run --project samples/Actors.Samples.Host -c Release                         -> exit code 78, says what to set
using System.Globalization;
using Actors.Hosting;
using Actors.Samples.Host;
using Akka.Actor;
using Akka.Hosting;
using Akka.Logger.Serilog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;
using Serilog.Filters;

if (args.Length > 0)
{
    Console.Error.WriteLine(args[0] is "--help" or "-h"
        ? "usage: Actors.Samples.Host (no options; set EXCHANGE_API_KEY, edit hocon/node.conf)"
        : $"error: unknown argument '{args[0]}'\nusage: Actors.Samples.Host (no options; set EXCHANGE_API_KEY, edit hocon/node.conf)");
    return args[0] is "--help" or "-h" ? 0 : 2;
}

string logDirectory = Path.Combine(AppContext.BaseDirectory, "logs");
Log.Logger = new LoggerConfiguration()
    .MinimumLevel.Information()
    // The host's own chatter stays out; a failed start is reported once by RunWithExitCodeAsync, without a stack trace.
    .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Warning)
    .MinimumLevel.Override("Microsoft.Extensions.Hosting.Internal.Host", LogEventLevel.Fatal)
    .Enrich.FromLogContext()
    .WriteTo.Logger(console => console
        .Filter.ByExcluding(e => e.Level == LogEventLevel.Fatal && Matching.FromSource("Actors.Hosting")(e))
        .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture, outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {ActorPath} {Message:lj}{NewLine}{Exception}"))
    .WriteTo.File(
        Path.Combine(logDirectory, "host-.log"),
        formatProvider: CultureInfo.InvariantCulture,
        rollingInterval: RollingInterval.Day,
        outputTemplate: "{Timestamp:o} [{Level:u3}] {SourceContext} {Message:lj} {Properties:j}{NewLine}{Exception}")
    .CreateLogger();

try
{
    HostApplicationBuilder builder = Host.CreateApplicationBuilder();
    builder.Services.AddSerilog();
    builder.Services.AddAkka("sample-node", akka => akka
        .ConfigureLoggers(loggers => loggers.AddSerilogLogging())
        .AddStrictHoconFile(Path.Combine(AppContext.BaseDirectory, "hocon", "node.conf"))
        .WithStartupValidation(checks => checks
            .RequireEnvironmentVariable(
                "EXCHANGE_API_KEY",
                "export EXCHANGE_API_KEY=<your key> (any non-empty value works for this sample)")
            .RequireDirectory(logDirectory, writable: true, create: true)
            .RequireSetting("sample.run-for", (config, path) => config.GetTimeSpan(path))
            .RequireSetting("sample.tick-interval", (config, path) => config.GetTimeSpan(path)))
        .WithActors((system, registry) =>
        {
            TimeSpan interval = system.Settings.Config.GetTimeSpan("sample.tick-interval");
            IActorRef printer = system.ActorOf(Props.Create(() => new PricePrinter()), "printer");
            registry.Register<PricePrinter>(printer);
            registry.Register<Ticker>(system.ActorOf(Props.Create(() => new Ticker(printer, interval)), "ticker"));
        })
        .AddStartup((system, _) =>
        {
            // The node shuts itself down after `sample.run-for`: the system terminates, which stops the host.
            TimeSpan runFor = system.Settings.Config.GetTimeSpan("sample.run-for");
            system.Scheduler.Advanced.ScheduleOnce(runFor, () => CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClrExitReason.Instance));
        }));

    using IHost host = builder.Build();
    return await host.RunWithExitCodeAsync();
}
finally
{
    await Log.CloseAndFlushAsync();
}
