using System.IO.Compression;
using Mera.Core.Reading;

namespace Mera.Core.Features.Imports;

/// <summary>
/// The files behind a template upload: one file, the XLSX files of a folder, or those of a ZIP, extracted into a
/// temporary folder within <see cref="ImportLimits"/> and removed afterwards.
/// </summary>
public sealed class TemplateInputs : IDisposable
{
    private string? _temp;

    public List<(string Name, string Path)> Files { get; } = [];
    public List<string> Skipped { get; } = [];

    /// <param name="tempRoot">Where archives are extracted (the system's temp folder unless a test names its own).</param>
    public static TemplateInputs Expand(string path, string? displayName, string? tempRoot = null)
    {
        var inputs = new TemplateInputs();
        displayName ??= Path.GetFileName(path);
        if (Directory.Exists(path))
        {
            foreach (var file in Directory.EnumerateFiles(path).Order())
            {
                inputs.Add(Path.GetFileName(file), file);
            }
        }
        else if (!File.Exists(path))
        {
            throw ImportRefusedException.Of(displayName, "файл не найден");
        }
        else if (IsZipArchive(path) && !path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                inputs.Extract(path, displayName, tempRoot ?? Path.GetTempPath());
            }
            catch
            {
                // A refused or broken archive leaves nothing behind: what was extracted so far goes at once.
                inputs.Dispose();
                throw;
            }
        }
        else
        {
            inputs.Files.Add((displayName, path));
        }
        return inputs;
    }

    private void Add(string name, string path)
    {
        if (name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) && !name.StartsWith("~$", StringComparison.Ordinal))
        {
            Files.Add((name, path));
        }
        else
        {
            Skipped.Add(name);
        }
    }

    private void Extract(string zipPath, string displayName, string tempRoot)
    {
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(zipPath);
        }
        catch (InvalidDataException ex)
        {
            throw ImportRefusedException.Of(displayName, $"архив ZIP повреждён ({ex.Message})");
        }
        using (archive)
        {
            var entries = archive.Entries.Where(e => e.Name.Length > 0 && !e.FullName.StartsWith("__MACOSX", StringComparison.Ordinal)).ToList();
            if (entries.Count > ImportLimits.MaxArchiveEntries)
            {
                throw ImportRefusedException.Of(displayName, $"в архиве больше {ImportLimits.MaxArchiveEntries} файлов");
            }
            // Declared sizes can lie; the copy below is bounded too.
            if (entries.Sum(e => e.Length) > ImportLimits.MaxArchiveTotalBytes)
            {
                throw ImportRefusedException.Of(displayName, "архив после распаковки слишком велик");
            }
            _temp = Directory.CreateDirectory(Path.Combine(tempRoot, TempPrefix + Guid.NewGuid().ToString("N")[..12])).FullName;
            var index = 0;
            long extracted = 0;
            foreach (var entry in entries)
            {
                var name = $"{displayName}/{entry.FullName}";
                if (!entry.Name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
                {
                    Skipped.Add(name);
                    continue;
                }
                var target = Path.Combine(_temp, $"{++index:D5}.xlsx");
                using (var source = entry.Open())
                using (var output = File.Create(target))
                {
                    extracted += CopyBounded(source, output, Math.Min(ImportLimits.MaxArchiveEntryBytes, ImportLimits.MaxArchiveTotalBytes - extracted), name);
                }
                Files.Add((name, target));
            }
        }
    }

    /// <summary>Copies at most <paramref name="limit"/> bytes of what the entry really inflates to (its declared size may lie).</summary>
    private static long CopyBounded(Stream source, Stream output, long limit, string name)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw ImportRefusedException.Of(name, $"архив после распаковки больше допустимого ({limit / 1024 / 1024} МБ на файл, {ImportLimits.MaxArchiveTotalBytes / 1024 / 1024} МБ на архив)");
            }
            output.Write(buffer, 0, read);
        }
        return total;
    }

    private const string TempPrefix = "mera-zip-";

    /// <summary>
    /// Removes what a crashed process left of its archives (a kill mid-upload skips Dispose): folders older than an hour,
    /// so an upload running right now keeps its own. Called when the web app starts.
    /// </summary>
    /// <param name="fileClock">The clock file times are compared with: the system's (never one started at MERA_NOW, since
    /// the file system keeps real time); a test passes its own.</param>
    public static int SweepStale(TimeProvider fileClock, TimeSpan? olderThan = null)
    {
        var removed = 0;
        var limit = fileClock.GetUtcNow().UtcDateTime - (olderThan ?? TimeSpan.FromHours(1));
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), TempPrefix + "*"))
        {
            try
            {
                if (Directory.GetLastWriteTimeUtc(dir) < limit)
                {
                    Directory.Delete(dir, recursive: true);
                    removed++;
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return removed;
    }

    private static bool IsZipArchive(string path)
    {
        Span<byte> head = stackalloc byte[2];
        using var s = File.OpenRead(path);
        return s.Read(head) == 2 && head[0] == 0x50 && head[1] == 0x4B;
    }

    public void Dispose()
    {
        if (_temp is not null && Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }
}
