using System.Text.Json;
using QuoteArchive.Storage;
using QuoteArchive.Storage.Search;

namespace QuoteArchive.Web.Pages.Search;

/// <summary>
/// The values the search's <c>status</c> and <c>kind</c> (of page) filters can name, as the API writes them
/// ("misattributed", "literaryWork") and matched in any case, as the search matches them. Another value is a filter
/// nothing could pass: the page shows it as such, the API refuses it.
/// </summary>
public static class SearchFilterValues
{
    public static readonly IReadOnlyList<string> Statuses = Enum.GetNames<QuoteStatus>().Select(JsonNamingPolicy.CamelCase.ConvertName).ToList();

    public static readonly IReadOnlyList<string> Kinds = Enum.GetNames<TopicKind>().Select(JsonNamingPolicy.CamelCase.ConvertName).ToList();

    /// <summary>True when <paramref name="value"/> is given and names no member of <typeparamref name="TEnum"/>, as the search reads it.</summary>
    public static bool IsUnknown<TEnum>(string? value) where TEnum : struct, Enum =>
        !string.IsNullOrWhiteSpace(value) && FilterName.Parse<TEnum>(value) is null;
}
