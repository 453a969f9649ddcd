using Mera.Bench;

// `dotnet run -c Release --project bench/Mera.Bench -- generate --out DIR [--schools N] [--seed S]`
// `dotnet run -c Release --project bench/Mera.Bench -- micro` (BenchmarkDotNet: formula evaluator and roll-up core)
// `dotnet run -c Release --project bench/Mera.Bench -- dashboard --db FILE --org CODE --period P` (one dashboard's computation, ms)
return args.FirstOrDefault() switch
{
    "generate" => NationalDataset.Generate(Options.Parse(args.Skip(1).ToArray())),
    "micro" => Micro.Run(args.Skip(1).ToArray()),
    "dashboard" => await DashboardTiming.RunAsync(args.Skip(1).ToArray()),
    "visible" => await WriteVisibility.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Mera.Bench generate --out DIR [--schools 40000] [--seed 1] | micro [BenchmarkDotNet args] | dashboard --db FILE --org CODE --period P [--repeat 5] | visible --db FILE --org CODE --period P --school S --element E --value V");
    return 2;
}
