using Mera.Core.Domain;

namespace Mera.Core.Reading.Platforms;

/// <summary>
/// A layout bound to the catalog and to one file: every element column is known by the layout's headers and by
/// the element's own Russian name; after opening, the file's column index of each element and identity field.
/// </summary>
public sealed class PlatformColumns
{
    private readonly PlatformLayout _layout;
    private readonly List<(PlatformColumn Column, DataElement Element, string[] Names)> _columns;
    private readonly Dictionary<string, string> _headerByElement = [];

    private PlatformColumns(PlatformLayout layout, List<(PlatformColumn, DataElement, string[])> columns)
    {
        _layout = layout;
        _columns = columns;
    }

    public static PlatformColumns For(PlatformLayout layout, IReadOnlyDictionary<string, DataElement> elements) =>
        new(layout, layout.Columns
            .Where(c => elements.ContainsKey(c.ElementCode))
            .Select(c => (c, elements[c.ElementCode], c.Headers.Append(elements[c.ElementCode].Name).Select(Bare).ToArray()))
            .ToList());

    public int Inn { get; private set; } = -1;
    public int Kpp { get; private set; } = -1;
    public int Code { get; private set; } = -1;
    public int Name { get; private set; } = -1;
    public int Municipality { get; private set; } = -1;

    /// <summary>(column index, element) for each element column present in the file.</summary>
    public List<(int Index, DataElement Element)> Present { get; } = [];

    /// <summary>The header a user sees for an element's column, for messages about that element.</summary>
    public string? HeaderOf(string elementCode) => _headerByElement.GetValueOrDefault(elementCode);

    /// <summary>Finds the header row (an identity column and at least two element columns) and binds the columns.</summary>
    public TableData Open(string path, string displayName)
    {
        var table = TableReader.Open(path, cells =>
            cells.Any(c => IsIdentity(c)) && cells.Count(c => _columns.Any(col => Names(col.Names, c))) >= 2, displayName);
        if (table.Header.Count == 0)
        {
            var expected = string.Join(", ", _layout.Columns.Where(c => c.Required).Select(c => $"«{c.Headers[0]}»"));
            throw ImportRefusedException.Of(displayName,
                $"это не {_layout.TitleRu}: не найдена строка заголовков со столбцами «ИНН» или «Школа» и {expected}");
        }
        Inn = table.ColumnOf(PlatformLayout.InnHeaders);
        Kpp = table.ColumnOf(PlatformLayout.KppHeaders);
        Code = table.ColumnOf(PlatformLayout.CodeHeaders);
        Name = table.ColumnOf(PlatformLayout.NameHeaders);
        Municipality = table.ColumnOf([.. _layout.MunicipalityHeaders]);
        var missing = new List<string>();
        foreach (var (column, element, names) in _columns)
        {
            var index = Enumerable.Range(0, table.Header.Count).FirstOrDefault(i => Names(names, table.Header[i]), -1);
            if (index >= 0)
            {
                Present.Add((index, element));
                _headerByElement[element.Code] = table.Header[index];
            }
            else if (column.Required)
            {
                missing.Add($"«{column.Headers[0]}»");
            }
        }
        if (missing.Count > 0)
        {
            throw new ImportRefusedException([table.Error(null, -1, $"в файле нет обязательных столбцов: {string.Join(", ", missing)}")]);
        }
        return table;
    }

    private static bool IsIdentity(string cell) =>
        PlatformLayout.InnHeaders.Concat(PlatformLayout.NameHeaders).Concat(PlatformLayout.CodeHeaders)
            .Any(h => HeaderText.Matches(cell, HeaderText.Normalize(h)));

    private static bool Names(string[] names, string header)
    {
        var bare = WithoutPlatformWords(HeaderText.Normalize(header));
        var brief = WithoutPlatformWords(HeaderText.WithoutExplanation(header));
        return bare.Length > 0 && names.Any(n => n == bare || n == brief);
    }

    /// <summary>
    /// A header normalised (<see cref="HeaderText.Normalize"/>) without the platform's own name, which exports add or
    /// drop at will: «Учителей, использовавших за последние 12 месяцев ИКОП «Сферум»» is «…за последние 12 месяцев».
    /// </summary>
    private static string Bare(string text) => WithoutPlatformWords(HeaderText.Normalize(text));

    private static string WithoutPlatformWords(string normalized)
    {
        foreach (var word in PlatformWords)
        {
            normalized = normalized.Replace(word, "", StringComparison.Ordinal);
        }
        return normalized;
    }

    private static readonly string[] PlatformWords = ["икоп", "сферум", "фгис", "educont", "цок"];

    /// <summary>
    /// File columns that carry a column family's words but match none of its columns (see <see cref="PlatformColumn.Family"/>),
    /// with the family's expected headers: a renamed column the user must hear about.
    /// </summary>
    public IReadOnlyList<(int Index, string Header, IReadOnlyList<string> Expected)> UnrecognisedFamilyColumns(TableData table)
    {
        var bound = Present.Select(p => p.Index).ToHashSet();
        var result = new List<(int, string, IReadOnlyList<string>)>();
        foreach (var family in _layout.Columns.Where(c => c.Family is not null).GroupBy(c => c.Family!))
        {
            var marker = HeaderText.Normalize(family.Key);
            for (var i = 0; i < table.Header.Count; i++)
            {
                if (!bound.Contains(i) && HeaderText.Normalize(table.Header[i]).Contains(marker, StringComparison.Ordinal))
                {
                    result.Add((i, table.Header[i], family.Select(c => c.Headers[0]).ToList()));
                }
            }
        }
        return result;
    }
}
