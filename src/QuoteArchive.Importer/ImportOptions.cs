using QuoteArchive.Storage;

namespace QuoteArchive.Importer;

public sealed record ImportOptions
{
    /// <summary>Language of topics not in a language-code folder.</summary>
    public string DefaultLanguage { get; init; } = "en";

    /// <summary>Where page-text topics came from; <c>{lang}</c> is replaced by the topic's language.</summary>
    public string SourceBaseUrl { get; init; } = "https://{lang}.wikiquote.org/wiki/";

    public string SourceUrlFor(string language, string slug) =>
        SourceBaseUrl.Replace("{lang}", language, StringComparison.Ordinal) + Slugs.ToUrlPath(slug);
}
