using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(HipPain.Rules.Benchmarks.TriageBenchmarks).Assembly).Run(args);
