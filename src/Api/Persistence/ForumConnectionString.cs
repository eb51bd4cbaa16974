using System.Data.Common;
using Npgsql;

namespace ForumHub.Api.Persistence;

/// <summary>
/// The pool settings ForumHub's load wants, added to the configured connection string unless it names them itself.
/// A profile of PostgreSQL under the benchmark (issue 16) found most commands' cost in per-connection set-up: by
/// default Npgsql sends DISCARD ALL each time a pooled connection is opened again, which doubles the transactions and
/// throws away the server's prepared plans; and each statement was parsed and planned again.
/// - No Reset On Close: ForumHub keeps no session state on a connection (no SET, no temporary tables, no LISTEN; its
///   one set_config is transaction-local and the migrator's advisory lock is released in a finally), so there is
///   nothing for DISCARD ALL to clean.
/// - Max Auto Prepare: the hot statements (append a batch, read a meeting's events) are few and repeated; Npgsql
///   prepares a statement once it has run five times and keeps up to this many per connection.
/// </summary>
public static class ForumConnectionString
{
    public const int MaxAutoPrepare = 64;

    public static string Tuned(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Names(string keyword) => given.Keys.Cast<string>().Any(k =>
            string.Equals(k.Replace(" ", "", StringComparison.Ordinal), keyword, StringComparison.OrdinalIgnoreCase));
        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Names("NoResetOnClose")) tuned.NoResetOnClose = true;
        if (!Names("MaxAutoPrepare")) tuned.MaxAutoPrepare = MaxAutoPrepare;
        return tuned.ConnectionString;
    }
}
