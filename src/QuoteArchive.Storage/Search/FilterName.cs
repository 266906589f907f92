namespace QuoteArchive.Storage.Search;

/// <summary>
/// A search filter's value that names one member of an enum (a quote's status, a topic's kind), in any case. Never a
/// number nor a list of names, which <c>Enum.TryParse</c> would read as other members: <c>unsourced,attributed</c> as
/// <see cref="QuoteStatus.Disputed"/>, <c>theme,person</c> as <see cref="TopicKind.Person"/>.
/// </summary>
public static class FilterName
{
    public static TEnum? Parse<TEnum>(string? value) where TEnum : struct, Enum =>
        value is { Length: > 0 } && Enum.GetNames<TEnum>().FirstOrDefault(name => name.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<TEnum>(name)
            : null;
}
