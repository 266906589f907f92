using SQLitePCL;

namespace QuoteArchive.Importer;

/// <summary>How SQLite runs in a process that imports: set once, before its first connection.</summary>
public static class SqliteLibrary
{
    /// <summary>
    /// Turns off SQLite's memory statistics, which take one mutex of the whole process on every allocation and free
    /// (the writer and the search index's thread allocate at once, each in its own connection), and the mutex of each
    /// connection: every connection of ours is used by one thread at a time (the interrupt that stops a statement from
    /// another thread takes no mutex). Returns false, and changes nothing, once SQLite has opened a connection in this
    /// process.
    /// </summary>
    public static bool Configure()
    {
        Batteries_V2.Init();
        return raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0) == raw.SQLITE_OK
               && raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD) == raw.SQLITE_OK;
    }
}
