using System.Text.RegularExpressions;

namespace QuoteArchive.Importer.Topics;

/// <summary>
/// The cast list of a film or television page maps characters to the actors who play them, so that a dialogue
/// speaker can say who plays it: "Leah Lewis as Ellie Chu", "Leah Lewis – Ellie Chu" (English pages), "Jean Gabin : le
/// commissaire" (French).
/// </summary>
public static partial class CastList
{
    public static void Apply(ParsedTopic topic)
    {
        var actors = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in topic.Sections.Where(s => s.Heading is { } h && SectionRules.IsCast(h)).SelectMany(s => s.Items))
        {
            var match = ActorAsCharacter().Match(item.Text);
            if (!match.Success)
                match = ActorColonCharacter().Match(item.Text);
            if (!match.Success)
                match = ActorDashCharacter().Match(item.Text);
            if (!match.Success)
                continue;
            var (character, actor) = (match.Groups["character"].Value.Trim(), match.Groups["actor"].Value.Trim());
            actors.TryAdd(character, actor);
            // "Tom Actor as Alpha, a cook", "Tom Actor – Alpha (seasons 1–3)": the speaker is Alpha.
            if (character.IndexOf(", ", StringComparison.Ordinal) is > 0 and var comma)
                actors.TryAdd(character[..comma], actor);
            if (character.IndexOf(" (", StringComparison.Ordinal) is > 0 and var paren)
                actors.TryAdd(character[..paren], actor);
        }
        if (actors.Count == 0)
            return;
        foreach (var line in topic.Quotes.SelectMany(q => q.DialogueLines))
        {
            if (line.Speaker is { } speaker && actors.TryGetValue(speaker.Trim(), out var actor))
                line.PlayedBy = actor;
        }
    }

    [GeneratedRegex(@"^(?<actor>[^\n]{1,80}?) as (?<character>[^\n]{1,80})$")]
    private static partial Regex ActorAsCharacter();

    [GeneratedRegex(@"^(?<actor>[^\n:]{1,80}?)\s?:\s(?<character>[^\n]{1,80})$")]
    private static partial Regex ActorColonCharacter();

    [GeneratedRegex(@"^(?<actor>[^\n]{1,80}?) [–—-] (?<character>[^\n]{1,80})$")]
    private static partial Regex ActorDashCharacter();
}
