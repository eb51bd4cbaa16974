using ForumHub.Api.Persistence;
using Npgsql;

namespace ForumHub.Api.Tests;

/// <summary>The pool settings are added to the configured connection string, and one the operator sets is theirs.</summary>
public sealed class ForumConnectionStringTests
{
    [Fact]
    public void A_plain_connection_string_gets_no_reset_on_close_and_auto_prepare()
    {
        var tuned = new NpgsqlConnectionStringBuilder(ForumConnectionString.Tuned("Host=db;Port=5432;Username=forum;Database=forumhub"));
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(ForumConnectionString.MaxAutoPrepare, tuned.MaxAutoPrepare);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("forumhub", tuned.Database);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false;Max Auto Prepare=0")]
    [InlineData("Host=db;noresetonclose=false;MAXAUTOPREPARE=0")]
    public void Settings_the_operator_wrote_are_kept(string configured)
    {
        var tuned = new NpgsqlConnectionStringBuilder(ForumConnectionString.Tuned(configured));
        Assert.False(tuned.NoResetOnClose);
        Assert.Equal(0, tuned.MaxAutoPrepare);
    }
}
