using HipPain.Rules.Fuzz;

return FuzzHarness.Run(args, Console.Out, Console.Error);
