using System.IO.Compression;

namespace Mera.Core.Reading;

/// <summary>
/// Checked before an XLSX is handed to ExcelDataReader, which holds the whole shared-string table in memory: a 0,9 MB
/// file whose one string inflates to 900 MB would take gigabytes. The table is inflated here first, counting bytes, and
/// refused past <see cref="MaxSharedStringsBytes"/>; sheets are read as streams and need no such bound.
/// </summary>
internal static class XlsxGuard
{
    /// <summary>Real exports hold a few megabytes of strings; 64 MB is far beyond any of them.</summary>
    public const long MaxSharedStringsBytes = 64L * 1024 * 1024;

    private const int MaxParts = 10_000;

    public static void Check(string path, string displayName)
    {
        if (!IsZip(path))
        {
            return; // XLS (BIFF) or not a workbook at all: the reader says so itself
        }
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException)
        {
            return; // the reader reports a damaged file in its own words
        }
        using (archive)
        {
            if (archive.Entries.Count > MaxParts)
            {
                throw ImportRefusedException.Of(displayName, $"в файле больше {MaxParts} частей — это не таблица");
            }
            // A workbook's shared strings and a Word document's body are read whole into memory; sheets stream.
            var strings = archive.Entries.FirstOrDefault(e => e.FullName.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase)
                || e.FullName.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase));
            if (strings is not null && InflatedSize(strings, MaxSharedStringsBytes) > MaxSharedStringsBytes)
            {
                throw ImportRefusedException.Of(displayName,
                    $"текст файла после распаковки больше {MaxSharedStringsBytes / 1024 / 1024} МБ — файл не похож на выгрузку и не прочитан");
            }
        }
    }

    /// <summary>What the part really inflates to (its declared size may lie), counted up to just past the limit.</summary>
    private static long InflatedSize(ZipArchiveEntry entry, long limit)
    {
        var buffer = new byte[81920];
        long total = 0;
        using var stream = entry.Open();
        int read;
        while (total <= limit && (read = stream.Read(buffer)) > 0)
        {
            total += read;
        }
        return total;
    }

    private static bool IsZip(string path)
    {
        Span<byte> head = stackalloc byte[2];
        using var s = File.OpenRead(path);
        return s.Read(head) == 2 && head[0] == 0x50 && head[1] == 0x4B;
    }
}
