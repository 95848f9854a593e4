using Bdd.Cli;

return CliApp.Run(args, Console.Out, Console.Error, Console.OpenStandardOutput);
