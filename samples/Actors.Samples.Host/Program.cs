// A node that embeds the Actors runtime in a generic host, logs through Serilog (console + file),
// reads hocon/node.conf, validates its environment before any actor starts, and exits on its own.
//
//   EXCHANGE_API_KEY=demo dotnet run --project samples/Actors.Samples.Host     -> runs ~3 s, exit code 0
//   dotnet run --project samples/Actors.Samples.Host                           -> exit code 78, says what to set
using Actors;
using Actors.Hosting;
using Actors.Samples.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using System.Globalization;
using Serilog;

string logDirectory = Path.Combine(AppContext.BaseDirectory, "logs");
Log.Logger = new LoggerConfiguration()
    .MinimumLevel.Information()
    .Enrich.FromLogContext()
    .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture, outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {ActorPath} {Message:lj}{NewLine}{Exception}")
    .WriteTo.File(
        Path.Combine(logDirectory, "node-.log"),
        formatProvider: CultureInfo.InvariantCulture,
        rollingInterval: RollingInterval.Day,
        outputTemplate: "{Timestamp:o} [{Level:u3}] {SourceContext} {Message:lj} {Properties:j}{NewLine}{Exception}")
    .CreateLogger();

try
{
    HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);
    builder.Services.AddSerilog();
    builder.AddActors("sample-node", actors => actors
        .AddHoconFile(Path.Combine(AppContext.BaseDirectory, "hocon", "node.conf"))
        .WithStartupValidation(checks => checks
            .RequireEnvironmentVariable(
                "EXCHANGE_API_KEY",
                "export EXCHANGE_API_KEY=<your key> (any non-empty value works for this sample)")
            .RequireDirectory(logDirectory, writable: true, create: true)
            .RequireSetting("sample.run-for", (config, path) => config.GetTimeSpan(path)))
        .WithActors((system, registry) =>
        {
            TimeSpan interval = system.Settings.Config.GetTimeSpan("sample.tick-interval");
            IActorRef printer = system.ActorOf(Props.Create(() => new PricePrinter()), "printer");
            IActorRef ticker = system.ActorOf(Props.Create(() => new Ticker(printer, interval)), "ticker");
            registry.Register<PricePrinter>(printer);
            registry.Register<Ticker>(ticker);
        })
        .AddStartup((system, _) =>
        {
            // The node shuts itself down after `sample.run-for`: the system terminates, which stops the host.
            TimeSpan runFor = system.Settings.Config.GetTimeSpan("sample.run-for");
            system.Scheduler.ScheduleOnceCancelable(runFor, () => system.Terminate());
        }));

    using IHost host = builder.Build();
    await host.RunAsync();
    return Environment.ExitCode;
}
catch (Exception e)
{
    Log.Fatal(e, "The host crashed");
    return ActorsExitCodes.StartupFailed;
}
finally
{
    await Log.CloseAndFlushAsync();
}
