using Xunit.Abstractions;

namespace Actors.Soak;

/// <summary>
/// The soak with CI's short setting: two minutes of chaos, one SIGKILL, then the musts of <see cref="SoakReport"/>.
/// The report is written to the test output; the README reports a 30-minute run of the console program.
/// </summary>
public sealed class SoakTests
{
    private readonly ITestOutputHelper _output;

    public SoakTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task TwoMinutesOfChaosWithAKill_NothingLostNothingUnansweredHealthyAgain()
    {
        var options = new SoakOptions { Duration = TimeSpan.FromMinutes(2), Progress = _output.WriteLine };

        SoakReport report = await SoakRunner.RunAsync(options);

        _output.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
        Assert.True(report.MessagesAccepted > 0, "no session message was accepted");
        Assert.True(report.Jobs.Ok > 0, "no prediction job completed");
    }
}
