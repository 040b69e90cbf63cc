using Actors.Benchmarks.Quick;
using BenchmarkDotNet.Running;

namespace Actors.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "--profile")
        {
            return ProfileRunner.Run(Console.Out, args[1..]);
        }

        if (args.Contains("--quick"))
        {
            return QuickRunner.Run(Console.Out, args.Where(a => a != "--quick").ToArray());
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
