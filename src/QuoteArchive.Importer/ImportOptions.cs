using QuoteArchive.Importer.Topics;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer;

public sealed record ImportOptions
{
    public const string WikiquoteBaseUrl = "https://{lang}.wikiquote.org/wiki/";

    /// <summary>Language of topics not in a language-code folder.</summary>
    public string DefaultLanguage { get; init; } = "en";

    /// <summary>Where page-text topics came from; <c>{lang}</c> is replaced by the topic's language.</summary>
    public string SourceBaseUrl { get; init; } = WikiquoteBaseUrl;

    /// <summary>How much one file may hold; past a limit the file is reported and skipped.</summary>
    public ImportLimits Limits { get; init; } = new();

    public string SourceUrlFor(string language, string slug) =>
        SourceBaseUrl.Replace("{lang}", language, StringComparison.Ordinal) + Slugs.ToUrlPath(slug);

    /// <summary>What the archive records of the options it was built with: other options make another archive.</summary>
    public string Fingerprint => $"language={DefaultLanguage} source-base-url={SourceBaseUrl} {Limits.Fingerprint}";

    /// <summary>Null when the options are usable, else what is wrong with them.</summary>
    public string? Problem() =>
        !LanguageCodes.IsLanguageCode(DefaultLanguage) ? $"'{DefaultLanguage}' is not a language code such as 'en' or 'fr'"
        : !Uri.TryCreate(SourceBaseUrl.Replace("{lang}", "en", StringComparison.Ordinal), UriKind.Absolute, out var url)
          || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) ? $"'{SourceBaseUrl}' is not an http(s) address"
        : Limits.Problem();
}
