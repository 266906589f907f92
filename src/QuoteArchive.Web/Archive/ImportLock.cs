namespace QuoteArchive.Web.Archive;

/// <summary>
/// Replicas sharing one data folder import one at a time: an exclusive lock on <c>{archive}.lock</c> beside the
/// archive (an advisory <c>flock</c> on Unix, released by the kernel when a process dies). The file itself stays:
/// deleting it while another process waits on it would let two processes hold "the" lock on two files.
/// </summary>
internal static class ImportLock
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(200);

    public static FileStream? TryTake(string databasePath, TimeSpan timeout)
    {
        var path = Path.GetFullPath(databasePath) + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(Retry);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }
}
