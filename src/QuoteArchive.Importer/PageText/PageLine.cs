namespace QuoteArchive.Importer.PageText;

internal enum LineKind
{
    Blank,
    /// <summary>A <c>•</c> (or <c>*</c>, <c>-</c>, <c>·</c>) line: starts a quote, an attribution line or a list item.</summary>
    Bullet,
    /// <summary>A line indented deeper than the bullet just above it: the same item goes on after a line break.</summary>
    Continuation,
    /// <summary><c>Wikipedia has an article about:</c> and its kin.</summary>
    SisterBox,
    /// <summary>The article name on the line under a sister box.</summary>
    SisterArticle,
    Text,
}

/// <summary>One line of page text, classified; <see cref="Text"/> is without indentation and bullet marker.</summary>
internal sealed record PageLine(int Number, LineKind Kind, int Indent, string Text)
{
    /// <summary>1 for the shallowest bullets of the page, 2 for those indented two spaces deeper …</summary>
    public int Depth { get; set; }

    /// <summary>Column (1-based) where the text starts after indentation and bullet marker.</summary>
    public int Column { get; init; } = 1;

    public SisterBox? Box { get; set; }
}
