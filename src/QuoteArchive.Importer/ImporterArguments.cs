using System.Globalization;

namespace QuoteArchive.Importer;

/// <summary>The importer's command line: a content folder, the archive to build (none with <c>--check</c>), options.</summary>
public sealed record ImporterArguments(string ContentFolder, string? ArchivePath, ImportOptions Options)
{
    /// <param name="problem">what is wrong, when a value is; null when the arguments merely do not fit the usage</param>
    public static bool TryParse(IReadOnlyList<string> args, out ImporterArguments arguments, out string? problem)
    {
        arguments = null!;
        problem = null;
        var check = false;
        var options = new ImportOptions();
        var paths = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--check":
                    check = true;
                    break;
                case "--language" when i + 1 < args.Count:
                    options = options with { DefaultLanguage = args[++i] };
                    break;
                case "--source-base-url" when i + 1 < args.Count:
                    options = options with { SourceBaseUrl = args[++i] };
                    break;
                case var limit when LimitOptions.TryGetValue(limit, out var set) && i + 1 < args.Count:
                    if (!long.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > int.MaxValue)
                    {
                        problem = $"{limit} needs a whole number, not '{args[i]}'";
                        return false;
                    }
                    options = options with { Limits = set(options.Limits, value) };
                    break;
                case var arg when arg.StartsWith("--", StringComparison.Ordinal):
                    return false;
                case var path:
                    paths.Add(path);
                    break;
            }
        }
        if (paths.Count != (check ? 1 : 2))
            return false;
        problem = options.Problem();
        if (problem is not null)
            return false;
        arguments = new(paths[0], check ? null : paths[1], options);
        return true;
    }

    /// <summary>The command line's name of each limit (<see cref="ImportLimits"/>), as its errors name it too.</summary>
    private static readonly Dictionary<string, Func<ImportLimits, long, ImportLimits>> LimitOptions = new(StringComparer.Ordinal)
    {
        ["--max-file-size"] = (limits, value) => limits with { MaxFileBytes = value },
        ["--max-line-length"] = (limits, value) => limits with { MaxLineLength = (int)value },
        ["--max-list-depth"] = (limits, value) => limits with { MaxListDepth = (int)value },
        ["--max-front-matter-size"] = (limits, value) => limits with { MaxFrontMatterBytes = (int)value },
        ["--max-front-matter-depth"] = (limits, value) => limits with { MaxFrontMatterDepth = (int)value },
        ["--max-quotes-per-topic"] = (limits, value) => limits with { MaxQuotesPerTopic = (int)value },
    };
}
