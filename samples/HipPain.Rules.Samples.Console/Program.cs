using HipPain.Rules.Samples.Console;

return SampleApp.Run(args, System.Console.Out, System.Console.Error);
