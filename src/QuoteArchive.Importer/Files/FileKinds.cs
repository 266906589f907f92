using System.Runtime.InteropServices;

namespace QuoteArchive.Importer.Files;

internal enum FileKind { Regular, Directory, Other, Missing }

/// <summary>
/// What a path is, without opening it. .NET tells a directory from a file but not a named pipe or a device from a
/// regular file (both are "Normal"), and opening a pipe blocks until someone writes to it, so on Linux the kernel is
/// asked directly with <c>statx</c>, whose buffer has one layout on every architecture.
/// </summary>
internal static class FileKinds
{
    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsLinux() && TryStatx(path, out var mode))
        {
            return (mode & TypeMask) switch
            {
                RegularFile => FileKind.Regular,
                DirectoryFile => FileKind.Directory,
                _ => FileKind.Other,
            };
        }
        // Elsewhere: what .NET can tell. Windows has no pipes in its folders; another Unix may.
        var info = new FileInfo(path);
        if (!info.Exists)
            return Directory.Exists(path) ? FileKind.Directory : FileKind.Missing;
        return (info.Attributes & FileAttributes.Device) != 0 ? FileKind.Other : FileKind.Regular;
    }

    private const int AtCurrentDirectory = -100, AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28, BufferSize = 256;
    private const int TypeMask = 0xF000, RegularFile = 0x8000, DirectoryFile = 0x4000;
    private static bool statxMissing;

    private static bool TryStatx(string path, out int mode)
    {
        mode = 0;
        if (statxMissing)
            return false;
        var buffer = new byte[BufferSize];
        try
        {
            if (statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxType, buffer) != 0)
                return false;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library without statx (glibc before 2.28): fall back to what .NET can tell.
            statxMissing = true;
            return false;
        }
        mode = BitConverter.ToUInt16(buffer, ModeOffset);
        return true;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
