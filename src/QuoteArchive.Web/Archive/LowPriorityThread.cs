using System.Runtime.InteropServices;

namespace QuoteArchive.Web.Archive;

/// <summary>
/// Work that may take long but must not slow requests down: a thread of its own at the lowest CPU priority (nice 19
/// on Linux, where .NET's thread priorities do nothing), so that it runs on what requests leave of the cores.
/// </summary>
internal static class LowPriorityThread
{
    private const int PriorityOfProcess = 0; // PRIO_PROCESS: with a thread's id, that thread alone
    private const int Lowest = 19;

    /// <summary>Starts <paramref name="work"/>; the task ends with it, faulted if it threw.</summary>
    public static Task Run(string name, Action work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            if (OperatingSystem.IsLinux())
                _ = SetPriority(PriorityOfProcess, GetThreadId(), Lowest); // a failure leaves it at normal priority
            try
            {
                work();
                done.SetResult();
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        })
        {
            Name = name,
            IsBackground = true,
        };
        thread.Start();
        return done.Task;
    }

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
