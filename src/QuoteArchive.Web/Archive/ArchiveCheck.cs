using Microsoft.Data.Sqlite;
using QuoteArchive.Storage;

namespace QuoteArchive.Web.Archive;

/// <summary>Checks a file before it is served: a SQLite archive of this schema, intact, with a build.</summary>
internal static class ArchiveCheck
{
    public sealed record Facts(string? Problem, string? Detail, string? BuildId = null, IReadOnlySet<string>? Languages = null, int? LongestQuote = null,
        bool HasCategories = false, IReadOnlySet<TopicKind>? Kinds = null);

    /// <summary>
    /// The schema, the build, the languages and whether any topic has a category; with <paramref name="integrity"/>, every page too (quick_check) and
    /// the longest quote, both of which read the whole file.
    /// </summary>
    public static Facts Run(string path, TimeSpan timeout, bool integrity = true)
    {
        try
        {
            using var connection = Open(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
            var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"));
            if (version != ArchiveSchema.Version)
                return new("outdated", $"schema {version}, this version of QuoteArchive reads {ArchiveSchema.Version}");
            // A file shorter than its header says is a half-copied one: refused at once, whatever the check below.
            var pages = Convert.ToInt64(Scalar(connection, "PRAGMA page_count")) * Convert.ToInt64(Scalar(connection, "PRAGMA page_size"));
            var length = new FileInfo(path).Length;
            if (pages > length)
                return new("corrupt", $"the file is shorter ({length} bytes) than its pages ({pages} bytes)");
            if (integrity)
            {
                using var deadline = new CancellationTokenSource(timeout);
                if (QuickCheck(connection, deadline.Token) is { } failed)
                    return new("corrupt", failed);
            }
            var buildId = Scalar(connection, "SELECT BuildId FROM Builds ORDER BY Id LIMIT 1") as string;
            if (buildId is null)
                return new("corrupt", "no build recorded");
            // Both in one pass over the topics (an unknown kind's name, from a newer importer, is left out).
            var (languages, kinds) = (new HashSet<string>(StringComparer.Ordinal), new HashSet<TopicKind>());
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT DISTINCT Language, Kind FROM Topics";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    languages.Add(reader.GetString(0));
                    if (Enum.TryParse<TopicKind>(reader.GetString(1), out var kind))
                        kinds.Add(kind);
                }
            }
            var hasCategories = Convert.ToInt64(Scalar(connection, "SELECT EXISTS (SELECT 1 FROM Categories)")) == 1;
            return new(null, null, buildId, languages, integrity ? LongestQuote(connection) : null, hasCategories, kinds);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_INTERRUPT)
        {
            return new("unverified", $"quick_check did not finish within {timeout}; raise Archive:CheckTimeout");
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SQLitePCL.raw.SQLITE_CORRUPT or SQLitePCL.raw.SQLITE_NOTADB
                                             or SQLitePCL.raw.SQLITE_ERROR)
        {
            return new("corrupt", ex.Message);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            return new("unreadable", ex.Message);
        }
    }

    /// <summary>
    /// quick_check of an archive already served, until it ends or <paramref name="stop"/> interrupts it: null when it
    /// passes, else the problem in one word (<c>corrupt</c>, or <c>unverified</c> when it could not finish) and why.
    /// </summary>
    public static (string Problem, string Detail)? Integrity(string connectionString, CancellationToken stop)
    {
        try
        {
            using var connection = Open(connectionString);
            return QuickCheck(connection, stop) is { } failed ? ("corrupt", failed) : null;
        }
        catch (SqliteException ex) when (IsDamage(ex))
        {
            return ("corrupt", ex.Message);
        }
        catch (SqliteException ex)
        {
            return ("unverified", ex.Message);
        }
    }

    /// <summary>The length of the longest quote; int.MaxValue when it cannot be read (no filter is then cut short).</summary>
    public static int LongestQuote(string connectionString)
    {
        try
        {
            using var connection = Open(connectionString);
            return LongestQuote(connection);
        }
        catch (SqliteException)
        {
            return int.MaxValue;
        }
    }

    /// <summary>Whether an exception (or one inside it) says the file's bytes are not a sound SQLite database.</summary>
    public static bool IsDamage(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
            if (exception is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_CORRUPT or SQLitePCL.raw.SQLITE_NOTADB })
                return true;
        return false;
    }

    // A connection of its own, outside the pool: a check must not leave one behind that holds the file open after its
    // generation is closed.
    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    // quick_check reads every page (a damaged file fails here, not on some later request) but skips the costly index
    // comparisons; an interrupt bounds it.
    private static string? QuickCheck(SqliteConnection connection, CancellationToken stop)
    {
        string? check;
        using (stop.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection.Handle)))
            check = Scalar(connection, "PRAGMA quick_check(1)") as string;
        return check == "ok" ? null : "quick_check: " + check;
    }

    private static int LongestQuote(SqliteConnection connection) =>
        Convert.ToInt32(Scalar(connection, "SELECT coalesce(max(length(Text)), 0) FROM Quotes"));

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
