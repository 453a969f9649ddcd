using System.IO.Compression;
using System.Text;
using Mera.Core.Documents.Xlsx;
using Mera.IntegrationTests.Imports;

namespace Mera.IntegrationTests.Reliability;

/// <summary>
/// Hostile inputs generated from valid files with a fixed seed: byte flips, truncations, empty and header-only
/// files, wrong extensions, random bytes, swapped and missing columns, huge, negative and textual numbers,
/// formula-like text, UTF-16, an XLSX whose sheet inflates to hundreds of MB, a very wide and a deeply nested sheet.
/// </summary>
public static class HostileCorpus
{
    public static IReadOnlyList<(string Name, string Path)> Build(int schools)
    {
        var dir = Directory.CreateTempSubdirectory("mera-hostile-").FullName;
        var files = new List<(string, string)>();
        void Add(string name, byte[] content) { var p = Path.Combine(dir, name); File.WriteAllBytes(p, content); files.Add((name, p)); }
        void Text(string name, string content, Encoding? encoding = null) => Add(name, (encoding ?? new UTF8Encoding(true)).GetPreamble().Concat((encoding ?? Encoding.UTF8).GetBytes(content)).ToArray());

        var (educont, _) = PlatformFiles.Educont(schools, seedHeaders: false);
        var lines = educont.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(';');
        var values = TestData.ValuesHeader + "\n" + string.Join("", Enumerable.Range(1, schools).Select(i => $"s{i},contingent.students,2024,{100 + i}\n"));
        var xlsx = Xlsx(lines.Select(l => l.Split(';').Select(c => c.Trim('"')).ToArray()).ToList());
        var random = new Random(42);

        foreach (var (baseName, bytes) in new[] { ("educont.csv", Encoding.UTF8.GetBytes(educont)), ("values.csv", Encoding.UTF8.GetBytes(values)), ("educont.xlsx", xlsx) })
        {
            var ext = Path.GetExtension(baseName);
            for (var seed = 0; seed < 3; seed++)
            {
                var flipped = (byte[])bytes.Clone();
                for (var k = 0; k < 20; k++) flipped[random.Next(flipped.Length)] ^= (byte)random.Next(1, 256);
                Add($"flip{seed}-{baseName}", flipped);
            }
            foreach (var share in new[] { 0.1, 0.5, 0.9 })
            {
                Add($"cut{share * 100:0}-{baseName}", bytes[..(int)(bytes.Length * share)]);
            }
            Add($"wrong-ext-{Path.GetFileNameWithoutExtension(baseName)}{(ext == ".csv" ? ".xlsx" : ".csv")}", bytes);
        }
        Add("empty.csv", []);
        Add("empty.xlsx", []);
        Text("bom-only.csv", "");
        Text("header-only.csv", lines[0] + "\n");
        var noise = new byte[8192]; random.NextBytes(noise);
        Add("noise.csv", noise);
        Add("noise.xlsx", noise);
        Add("noise.xls", noise);
        Text("swapped-columns.csv", string.Join("\n", lines.Select(l => string.Join(';', l.Split(';').Reverse()))) + "\n");
        Text("missing-inn.csv", string.Join("\n", lines.Select(l => string.Join(';', l.Split(';').Where((_, i) => i != Array.IndexOf(header, "ИНН"))))) + "\n");
        string Replace(string value) => string.Join("\n", lines.Select((l, n) => n == 0 ? l : string.Join(';', l.Split(';').Select((c, i) => i >= 6 && i <= 8 ? value : c)))) + "\n";
        Text("huge-numbers.csv", Replace("1e308"));
        Text("huge-integers.csv", Replace("999999999999999999999999"));
        Text("negative.csv", Replace("-5"));
        Text("text-in-numbers.csv", Replace("много"));
        Text("formula-cells.csv", Replace("=1+1"));
        Text("utf16.csv", educont, new UnicodeEncoding(false, true));
        Text("cp1251-garbage.csv", new string('Ё', 5000));
        Text("values-huge.csv", values.Replace(",10", ",1e300"));
        Text("values-negative.csv", values.Replace(",10", ",-10"));
        Text("values-text.csv", values.Replace(",10", ",сто"));
        Text("values-bad-period.csv", values.Replace(",2024,", ",2024Q9,"));
        Text("values-unknown.csv", values.Replace("contingent.students", "no.such.element").Replace("s1,", "nobody,"));
        Text("wide.csv", string.Join(';', Enumerable.Range(0, 20_000).Select(i => $"c{i}")) + "\n" + string.Join(';', Enumerable.Range(0, 20_000)) + "\n");
        Text("long-line.csv", lines[0] + "\n" + new string('9', 5_000_000) + "\n");
        Add("nested.xlsx", NestedSheet(100_000));
        Add("bomb.xlsx", Bomb(400L * 1024 * 1024));
        Add("strings-bomb.xlsx", SharedStringBomb(200L * 1024 * 1024));
        return files;
    }

    /// <summary>
    /// One shared string of `bytes` characters: under a megabyte on disk, gigabytes in a reader that holds the string
    /// table in memory (issue 17) — refused before it is read.
    /// </summary>
    public static byte[] SharedStringBomb(long bytes) => Package(zip =>
    {
        using (var s = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open()))
        {
            s.Write("<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>");
            var chunk = new string('a', 1 << 20);
            for (long written = 0; written < bytes; written += chunk.Length)
            {
                s.Write(chunk);
            }
            s.Write("</t></si></sst>");
        }
        using var w = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
        w.Write("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>");
    });

    private static byte[] Xlsx(IReadOnlyList<string[]> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new XlsxWriter(stream))
        {
            var sheet = writer.AddSheet("Лист1");
            foreach (var row in rows)
            {
                sheet.AddRow(row.Select(c => double.TryParse(c, out var n) ? XlsxCell.Of(n) : XlsxCell.Of(c)).ToArray());
            }
            sheet.Save();
        }
        return stream.ToArray();
    }

    private static byte[] Package(Action<ZipArchive> sheet)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Entry(string name, string text) { using var w = new StreamWriter(zip.CreateEntry(name).Open()); w.Write(text); }
            Entry("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            Entry("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Entry("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Лист1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Entry("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            sheet(zip);
        }
        return stream.ToArray();
    }

    /// <summary>A sheet that inflates to `bytes` of rows: a few MB on disk, hundreds of MB when read.</summary>
    private static byte[] Bomb(long bytes) => Package(zip =>
    {
        using var w = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open());
        w.Write("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        const string row = "<row><c t=\"inlineStr\"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c><c><v>1</v></c></row>";
        for (long written = 0; written < bytes; written += row.Length)
        {
            w.Write(row);
        }
        w.Write("</sheetData></worksheet>");
    });

    private static byte[] NestedSheet(int depth) => Package(zip =>
    {
        using var w = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
        w.Write("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row><c t=\"inlineStr\"><is>");
        for (var i = 0; i < depth; i++) w.Write("<r>");
        for (var i = 0; i < depth; i++) w.Write("</r>");
        w.Write("</is></c></row></sheetData></worksheet>");
    });
}
