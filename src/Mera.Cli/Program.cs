return await Mera.Cli.CliApp.RunAsync(args, Console.Out, Console.Error);
