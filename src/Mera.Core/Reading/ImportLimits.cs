namespace Mera.Core.Reading;

/// <summary>
/// The bounds every importer respects, in one place: a file or archive beyond them is refused with a message
/// rather than read into memory or onto disk (zip bombs, mail archives of thousands of attachments).
/// </summary>
public static class ImportLimits
{
    public const long MaxFileBytes = 200L * 1024 * 1024;
    public const int MaxArchiveEntries = 5_000;
    public const long MaxArchiveEntryBytes = 50L * 1024 * 1024;
    public const long MaxArchiveTotalBytes = 1024L * 1024 * 1024;
}
