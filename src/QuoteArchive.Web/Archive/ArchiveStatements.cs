using Microsoft.Data.Sqlite;

namespace QuoteArchive.Web.Archive;

/// <summary>
/// A connection to an archive and the commands run on it, each kept with the statements SQLite prepared for it: a
/// command asked for again by its text runs them again without preparing them. Microsoft.Data.Sqlite prepares every
/// statement of a new command anew (dotnet/efcore#14044): a topic page's fourteen statements, a permalink's four. Kept,
/// and read without EF opening a connection, the cache misses of <c>bench/miss-walk.sh</c> on the full shape after
/// 20,000 others went from 961–998 to 1,452–1,499 topic pages/s, and from 1,967–2,111 to 2,327–2,983 permalinks/s.
/// Used by one request at a time.
/// </summary>
internal sealed class ArchiveStatements : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);
    private readonly bool ownsConnection;

    private ArchiveStatements(SqliteConnection connection, bool ownsConnection)
    {
        Connection = connection;
        this.ownsConnection = ownsConnection;
    }

    public SqliteConnection Connection { get; }

    /// <summary>How many commands it keeps prepared.</summary>
    public int Prepared => commands.Count;

    /// <summary>A connection of its own, opened on <paramref name="connectionString"/>, closed with this.</summary>
    public static ArchiveStatements Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            return new ArchiveStatements(connection, ownsConnection: true);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Commands on a connection someone else opened and closes: disposed with this, the connection left open.</summary>
    public static ArchiveStatements On(SqliteConnection connection) => new(connection, ownsConnection: false);

    /// <summary>The command of this text, without parameters: the one made the first time, its statements prepared then.</summary>
    public SqliteCommand Command(string sql)
    {
        if (commands.TryGetValue(sql, out var command))
        {
            command.Parameters.Clear();
            return command;
        }
        command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Prepare(); // kept by the command until it is disposed
        commands.Add(sql, command);
        return command;
    }

    public void Dispose()
    {
        foreach (var command in commands.Values)
            command.Dispose();
        commands.Clear();
        if (ownsConnection)
            Connection.Dispose();
    }
}
