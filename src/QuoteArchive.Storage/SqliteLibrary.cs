using SQLitePCL;

namespace QuoteArchive.Storage;

/// <summary>How SQLite runs in this process: set once, before its first connection.</summary>
public static class SqliteLibrary
{
    /// <summary>
    /// Turns off SQLite's memory statistics, which take one mutex of the whole process on every allocation and free
    /// (the importer's writer and its search index allocate on two threads at once, a request's queries on many), and
    /// the mutex of each connection: every connection of ours is used by one thread at a time (the interrupts that stop
    /// a statement from another thread take no mutex). Returns false, and changes nothing, once SQLite has opened a
    /// connection in this process.
    /// </summary>
    public static bool Configure()
    {
        Batteries_V2.Init();
        return raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0) == raw.SQLITE_OK
               && raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD) == raw.SQLITE_OK;
    }
}
