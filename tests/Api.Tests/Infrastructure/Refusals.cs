using ForumHub.Api.Runtime;
using ForumHub.Domain.Rules;

namespace ForumHub.Api.Tests.Infrastructure;

public static class Refusals
{
    /// <summary>Asserts the call is refused with the code, and PostgreSQL and the live meeting are exactly as before.</summary>
    public static async Task AssertRefusedAsync(this MeetingScenario s, string code, Func<Task> call)
    {
        var before = await s.App.DbStateAsync(s.Id);
        var snapshotBefore = await s.App.SnapshotAsync(s.Id);
        var error = await Assert.ThrowsAnyAsync<Exception>(call);
        var actual = error switch
        {
            BusinessRuleBrokenException b => b.Code,
            CommandException c => c.Code,
            _ => throw new Xunit.Sdk.XunitException($"Unexpected {error.GetType().Name}: {error.Message}"),
        };
        Assert.Equal(code, actual);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Equal(before, await s.App.DbStateAsync(s.Id));
        Assert.Equal(snapshotBefore.Seq, (await s.App.SnapshotAsync(s.Id)).Seq);
    }
}
