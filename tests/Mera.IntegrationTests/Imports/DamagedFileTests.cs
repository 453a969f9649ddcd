using System.Text;

namespace Mera.IntegrationTests.Imports;

public class DamagedFileTests
{
    public static TheoryData<string> Kinds => new() { "educont", "sferum", "myschool", "openschool", "values", "template" };

    private static async Task<Dictionary<string, string>> DamagedFilesAsync()
    {
        var (csv, _) = PlatformFiles.Educont(3, seedHeaders: true);
        var xlsx = await Spreadsheets.ConvertAsync(Cli.WriteFile("good.csv", csv, new UTF8Encoding(true)), "xlsx");
        var bytes = await File.ReadAllBytesAsync(xlsx);
        var dir = Directory.CreateTempSubdirectory("mera-damaged-").FullName;
        string Write(string name, byte[] content)
        {
            var path = Path.Combine(dir, name);
            File.WriteAllBytes(path, content);
            return path;
        }
        var random = new Random(3);
        var noise = new byte[4096];
        random.NextBytes(noise);
        var flipped = (byte[])bytes.Clone();
        for (var i = 200; i < flipped.Length; i += 97) flipped[i] ^= 0x5A;
        return new()
        {
            ["truncated"] = Write("truncated.xlsx", bytes[..(bytes.Length / 2)]),
            ["flipped"] = Write("flipped.xlsx", flipped),
            ["empty"] = Write("empty.csv", []),
            ["header-only"] = Write("header.csv", Encoding.UTF8.GetBytes(string.Join(';', PlatformFiles.EducontCleanHeaders) + "\n")),
            ["noise"] = Write("noise.xlsx", noise),
            ["noise-csv"] = Write("noise.csv", noise),
        };
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Damaged_files_are_refused_in_russian_and_change_nothing(string kind)
    {
        await using var db = await ImportAssertions.DagestanAsync("sqlite", 3);
        var before = await ImportAssertions.CountsAsync(db);
        var period = kind switch { "sferum" => "2024-W41", "myschool" => "2024-10", "values" => "2024", _ => "2024Q4" };
        foreach (var (name, path) in await DamagedFilesAsync())
        {
            var run = await Cli.RunAsync(db, "import", kind, path, "--period", period, "--org", "m1");
            Assert.True(run.ExitCode == 1, $"{kind}/{name}: exit {run.ExitCode}\n{run.Error}{run.Out}");
            Assert.Contains(Path.GetFileName(path), run.Error);
            Assert.DoesNotContain("   at ", run.Error); // no stack trace
            Assert.Matches("[а-яА-Я]", run.Error);
        }
        Assert.Equal(before, await ImportAssertions.CountsAsync(db));
    }
}
