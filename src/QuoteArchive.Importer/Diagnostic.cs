namespace QuoteArchive.Importer;

/// <summary>Where a piece of content came from: the file (relative to the content folder), 1-based line and column.</summary>
public readonly record struct SourcePosition(string File, int Line, int Column = 1)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

public enum Severity
{
    /// <summary>The file is kept, with the best reading of the problem.</summary>
    Warning,
    /// <summary>The file is skipped; the others still import.</summary>
    Error,
}

/// <summary>A problem in a content file, printed like a compiler's: <c>content/a.txt:12:5: warning: …</c></summary>
public sealed record Diagnostic(SourcePosition Position, Severity Severity, string Message)
{
    public override string ToString() =>
        $"{Position}: {(Severity == Severity.Error ? "error" : "warning")}: {Message}";
}
