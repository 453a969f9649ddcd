using System.Globalization;
using System.Text.RegularExpressions;

namespace Mera.Core.Features.Decisions;

/// <summary>
/// A collegium's decision written as it is signed (seed 002), not as a table: a header with the date, «№ 2» and the
/// title «Об итогах …»; after «РЕШИЛА:» numbered paragraphs — «1. МКУ «Управление образования»:» names who is
/// responsible for the items under it, «1.1. Обеспечить …» is an item, lines starting with «-» or plain text continue
/// it, «Срок: …» and «Ответственные: …» belong to the item above them; the signatures end it. A paragraph that fits
/// none of these is kept in <see cref="Result.Unplaced"/>, never dropped.
/// </summary>
internal static partial class DecisionProse
{
    public sealed record Item(string Number, string Text, string? Responsible, string? Deadline, int Paragraph);

    public sealed record Result(string? Number, DateOnly? Date, string? Title, IReadOnlyList<Item> Items, IReadOnlyList<(int Paragraph, string Text)> Unplaced);

    private sealed class Draft(string number, string text, string? responsible, int paragraph)
    {
        public string Number { get; } = number;
        public List<string> Text { get; } = [text];
        public string? Responsible { get; set; } = responsible;
        public string? Deadline { get; set; }
        public int Paragraph { get; } = paragraph;
        public bool HasChildren { get; set; }
    }

    public static Result Parse(IReadOnlyList<(int Number, string Text)> paragraphs)
    {
        string? number = null, title = null;
        DateOnly? date = null;
        var start = paragraphs.ToList().FindIndex(p => ResolvedRegex().IsMatch(p.Text));
        foreach (var (_, raw) in paragraphs.Take(start < 0 ? paragraphs.Count : start))
        {
            var text = raw.Trim('*', ' ');
            if (number is null && NumberRegex().Match(text) is { Success: true } n)
            {
                number = n.Groups[1].Value;
            }
            if (date is null && DateRegex().Match(text) is { Success: true } d
                && DateOnly.TryParseExact(d.Value, ["dd.MM.yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
            {
                date = on;
            }
            if (title is null && TitleRegex().IsMatch(text))
            {
                title = text;
            }
        }
        var drafts = new List<Draft>();
        var unplaced = new List<(int, string)>();
        Draft? current = null;
        foreach (var (index, raw) in paragraphs.Skip(start + 1))
        {
            var text = raw.Trim('*', ' ');
            if (SignatureRegex().IsMatch(text))
            {
                break;
            }
            if (ItemRegex().Match(text) is { Success: true } item)
            {
                var itemNumber = item.Groups[1].Value.TrimEnd('.', ')');
                var parent = drafts.LastOrDefault(d => itemNumber.StartsWith(d.Number + ".", StringComparison.Ordinal));
                if (parent is not null)
                {
                    parent.HasChildren = true;
                }
                var body = item.Groups[2].Value.Trim();
                // «1. МКУ «Управление образования»:» — the addressee of the items under it.
                var responsible = body.EndsWith(':') && parent is null ? null : parent?.Responsible ?? parent?.Text[0].TrimEnd(':');
                current = new Draft(itemNumber, body, responsible, index);
                drafts.Add(current);
                continue;
            }
            if (FieldRegex().Match(text) is { Success: true } field && current is not null)
            {
                var value = field.Groups[2].Value.Trim().TrimEnd('.');
                if (field.Groups[1].Value.StartsWith("срок", StringComparison.OrdinalIgnoreCase))
                {
                    current.Deadline = value;
                }
                else
                {
                    current.Responsible = value;
                }
                continue;
            }
            if (current is not null && current.Deadline is null)
            {
                current.Text.Add(text); // a list under the item («- перевод всех внутренних чатов …»)
                continue;
            }
            unplaced.Add((index, text));
        }
        var items = drafts.Where(d => !d.HasChildren || d.Deadline is not null)
            .Select(d => new Item(d.Number, string.Join("\n", d.Text), d.Responsible, d.Deadline, d.Paragraph)).ToList();
        return new Result(number, date, title, items, unplaced);
    }

    [GeneratedRegex(@"РЕШИЛ|ПОСТАНОВЛЯ|ПРИКАЗЫВА|решила:|решил:", RegexOptions.CultureInvariant)]
    private static partial Regex ResolvedRegex();

    [GeneratedRegex(@"^(?:Решение\s+)?№\s*([0-9][0-9А-Яа-я\-/]*)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberRegex();

    [GeneratedRegex(@"\d{1,2}\.\d{1,2}\.\d{4}")]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"^Об?\s+\S")]
    private static partial Regex TitleRegex();

    [GeneratedRegex(@"^(\d+(?:\.\d+)+\.?|\d+[.)])\s+(.+)$")]
    private static partial Regex ItemRegex();

    [GeneratedRegex(@"^(Срок[и]?(?:\s+исполнения)?|Ответственн\w*|Исполнител\w*)\s*[:\-–—]\s*(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex FieldRegex();

    [GeneratedRegex(@"^(Председатель|Секретарь|Начальник|Руководитель)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SignatureRegex();
}
