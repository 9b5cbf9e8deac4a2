using HipPain.Rules.Samples.Console;

return SampleApp.Run(args, System.Console.In, System.Console.Out, System.Console.Error);
