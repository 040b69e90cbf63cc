using Actors.Feeds.Hosting;
using Actors.Feeds.Startup;
using Actors.Hosting;
using Actors.Hosting.Validation;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Feeds.Tests.Startup;

public sealed class ApiKeyValidationTests
{
    private static async Task<IReadOnlyList<StartupProblem>> Validate(string? key, string? secret)
    {
        var env = new Dictionary<string, string?> { ["K"] = key, ["S"] = secret };
        var context = new StartupValidationContext(Actors.Hocon.ConfigurationFactory.ParseString(string.Empty), name => env.GetValueOrDefault(name));
        return await new StartupValidationBuilder().RequireApiKeyPair("K", "S").ValidateAsync(context);
    }

    [Fact]
    public async Task RequireApiKeyPair_BothOrNeither_NoProblem()
    {
        Assert.Empty(await Validate("abc", "def"));
        Assert.Empty(await Validate(null, null));
    }

    [Theory]
    [InlineData("abc", null, "environment variable S", "is not set, while K is")]
    [InlineData(null, "def", "environment variable K", "is not set, while S is")]
    [InlineData("ab c", "def", "environment variable K", "whitespace")]
    public async Task RequireApiKeyPair_OneWithoutTheOtherOrBlank_ProblemNamesVariableAndFix(string? key, string? secret, string what, string problem)
    {
        StartupProblem p = Assert.Single(await Validate(key, secret));
        Assert.Equal(what, p.Check);
        Assert.Contains(problem, p.Problem, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(p.Remedy));
    }

    [Fact]
    public async Task Host_KeyWithoutSecret_StartFailsWithExitCode78AndMessage()
    {
        string key = "ACTORS_FEEDS_TEST_KEY_" + Guid.NewGuid().ToString("N")[..8];
        string secret = key + "_SECRET";
        Environment.SetEnvironmentVariable(key, "k-123");
        try
        {
            HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Logging.ClearProviders();
            builder.Services.AddAkka("keys-" + Guid.NewGuid().ToString("N")[..6], akka => akka
                .WithStartupValidation(v => v.RequireApiKeyPair(key, secret))
                .WithFeeds());
            using IHost host = builder.Build();

            // The decision RunWithExitCodeAsync makes (without setting this test process's exit code).
            Exception e = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync().WaitAsync(TimeSpan.FromSeconds(30)));
            Exception cause = ActorsExitCodes.Unwrap(e);
            Assert.Equal(78, ActorsExitCodes.For(cause));
            Assert.Contains($"environment variable {secret}: is not set, while {key} is", cause.Message, StringComparison.Ordinal);
            Assert.Contains("go together", cause.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(key, null);
        }
    }
}
