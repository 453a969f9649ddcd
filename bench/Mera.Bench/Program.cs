using Mera.Bench;

// `dotnet run -c Release --project bench/Mera.Bench -- generate --out DIR [--schools N] [--seed S]`
// `dotnet run -c Release --project bench/Mera.Bench -- micro` (BenchmarkDotNet: formula evaluator and roll-up core)
return args.FirstOrDefault() switch
{
    "generate" => NationalDataset.Generate(Options.Parse(args.Skip(1).ToArray())),
    "micro" => Micro.Run(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Mera.Bench generate --out DIR [--schools 40000] [--seed 1] | micro [BenchmarkDotNet args]");
    return 2;
}
