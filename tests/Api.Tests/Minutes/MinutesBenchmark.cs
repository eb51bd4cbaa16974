using System.Diagnostics;
using ForumHub.Api.Features.Minutes.Writing;
using Xunit.Abstractions;

namespace ForumHub.Api.Tests.Minutes;

/// <summary>
/// Generates, checks and renders the long fixture's minutes (40 people, 200 answers, 30 items, 20 votes): Easy Read
/// and standard Markdown, the checker's report, and both HTML pages. Target: under 50 ms on the 2-core machine.
/// Run (it is skipped unless FORUMHUB_BENCHMARK=1, so test suites on a busy machine are not timed):
///   FORUMHUB_BENCHMARK=1 dotnet test tests/Api.Tests -c Release --filter "FullyQualifiedName~MinutesBenchmark" --logger "console;verbosity=detailed"
/// It fails above a 250 ms median; docs/benchmarks.md has the numbers.
/// </summary>
public sealed class MinutesBenchmark(ITestOutputHelper output)
{
    [BenchmarkFact]
    public void Generate_check_and_render_the_long_fixture()
    {
        var meeting = MinutesFixtures.Long();
        var options = MinutesFixtures.LongOptions;
        int Once()
        {
            var easyRead = EasyReadGenerator.Generate(meeting, options);
            var standard = StandardGenerator.Generate(meeting, options);
            var report = EasyReadChecker.Check(easyRead);
            var html = MinutesRenderer.Page(easyRead, "Minutes") + MinutesRenderer.Page(standard, "Minutes");
            return report.WordCount + html.Length;
        }
        for (var i = 0; i < 20; i++) Once(); // warm up (JIT, regexes, pictures)
        var times = new List<double>();
        for (var i = 0; i < 100; i++)
        {
            var watch = Stopwatch.StartNew();
            Once();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        double P(double q) => times[(int)Math.Min(times.Count - 1, Math.Round(q * (times.Count - 1)))];
        output.WriteLine($"minutes of the long fixture, 100 runs: median {P(0.5):0.0} ms, p90 {P(0.9):0.0} ms, max {times[^1]:0.0} ms " +
                         $"({Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription})");
        Assert.True(P(0.5) < 250, $"median {P(0.5):0.0} ms");
    }
}

/// <summary>A fact that runs only when FORUMHUB_BENCHMARK=1.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("FORUMHUB_BENCHMARK") != "1") Skip = "A benchmark: run it with FORUMHUB_BENCHMARK=1.";
    }
}
