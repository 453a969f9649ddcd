using Mera.Core.Features;

namespace Mera.Core.Documents;

/// <summary>
/// LibreOffice conversions are heavy (a process of ~150 MB for several seconds): at most <see cref="Parallel"/> run at
/// once (MERA_PDF_PARALLEL, 2 by default), at most <see cref="Waiting"/> more wait their turn, and one requester has one
/// conversion at a time. Beyond that the request is answered at once with «отчёт готовится» instead of starting yet
/// another process — 24 PDFs asked at once by one school no longer slow everyone's pages.
/// </summary>
public static class ConversionQueue
{
    public static int Parallel { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("MERA_PDF_PARALLEL"), out var n) && n is >= 1 and <= 16 ? n : 2;

    public static int Waiting { get; } = 4 * Parallel;

    private static readonly SemaphoreSlim Slots = new(Parallel, Parallel);
    private static readonly HashSet<string> Requesters = [];
    private static readonly Lock Gate = new();
    private static int _queued;

    public static async Task<T> RunAsync<T>(string? requester, Func<Task<T>> convert, CancellationToken ct)
    {
        var key = requester ?? "";
        lock (Gate)
        {
            if (requester is not null && !Requesters.Add(key))
            {
                throw new ConversionBusyException("Предыдущий отчёт в PDF ещё готовится: дождитесь его и повторите");
            }
            if (_queued >= Parallel + Waiting)
            {
                Requesters.Remove(key);
                throw new ConversionBusyException("Отчёты в PDF сейчас готовятся для других пользователей: повторите через минуту или выберите DOCX");
            }
            _queued++;
        }
        try
        {
            await Slots.WaitAsync(ct);
            try
            {
                return await convert();
            }
            finally
            {
                Slots.Release();
            }
        }
        finally
        {
            lock (Gate)
            {
                _queued--;
                if (requester is not null)
                {
                    Requesters.Remove(key);
                }
            }
        }
    }
}

/// <summary>The conversion queue is full for this requester or for everyone: answered 503 with Retry-After.</summary>
public sealed class ConversionBusyException(string message) : Exception(message);
