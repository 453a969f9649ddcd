using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Mera.Core.Formulas;

namespace Mera.Bench;

/// <summary>BenchmarkDotNet micro-benchmarks of the hot inner loops: the bound formula evaluator.</summary>
public static class Micro
{
    public static int Run(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(Micro).Assembly).Run(args);
        return 0;
    }
}

[MemoryDiagnoser]
public class FormulaBenchmarks
{
    private BoundFormula _internet = null!;
    private BoundFormula _ratio = null!;
    private readonly double?[] _slots = [120, 1, 0];

    [GlobalSetup]
    public void Setup()
    {
        var internet = FormulaParser.Parse("if(infra.internet.mbps >= if(org.is_rural, 50, 100) and infra.internet.guaranteed = 1, 1, 0)");
        _internet = internet.Bind(code => Array.IndexOf(internet.ElementCodes.ToArray(), code));
        var ratio = FormulaParser.Parse("openschool.students.registered - openschool.students.inactive");
        _ratio = ratio.Bind(code => Array.IndexOf(ratio.ElementCodes.ToArray(), code));
    }

    [Benchmark]
    public double? InternetRule() => _internet.Evaluate(_slots, true);

    [Benchmark]
    public double? Difference() => _ratio.Evaluate(_slots, false);
}
