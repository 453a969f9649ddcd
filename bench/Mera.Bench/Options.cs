namespace Mera.Bench;

public sealed record Options(string Out, int Schools, int Seed, string Quarter)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        return new Options(Get("--out", "bench/out"), int.Parse(Get("--schools", "40000")), int.Parse(Get("--seed", "1")), Get("--quarter", "2026Q3"));
    }
}
