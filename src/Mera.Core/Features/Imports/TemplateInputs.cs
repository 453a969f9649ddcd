using System.IO.Compression;
using Mera.Core.Imports;

namespace Mera.Core.Features.Imports;

/// <summary>
/// The files behind a template upload: one file, the XLSX files of a folder, or those of a ZIP, extracted into a
/// temporary folder within <see cref="ImportLimits"/> and removed afterwards.
/// </summary>
internal sealed class TemplateInputs : IDisposable
{
    private string? _temp;

    public List<(string Name, string Path)> Files { get; } = [];
    public List<string> Skipped { get; } = [];

    public static TemplateInputs Expand(string path, string? displayName)
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
            inputs.Extract(path, displayName);
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

    private void Extract(string zipPath, string displayName)
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
            _temp = Directory.CreateTempSubdirectory("mera-zip-").FullName;
            var index = 0;
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
                    CopyBounded(source, output, ImportLimits.MaxArchiveEntryBytes, name);
                }
                Files.Add((name, target));
            }
        }
    }

    private static void CopyBounded(Stream source, Stream output, long limit, string name)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw ImportRefusedException.Of(name, $"файл в архиве больше {limit / 1024 / 1024} МБ после распаковки");
            }
            output.Write(buffer, 0, read);
        }
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
