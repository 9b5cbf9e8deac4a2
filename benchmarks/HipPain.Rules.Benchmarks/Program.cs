using BenchmarkDotNet.Running;

// Run from the repository root (see docs/benchmarks.md for the exact command and the committed results):
//   dotnet run -c Release --project benchmarks/HipPain.Rules.Benchmarks -- --filter '*' --job short --iterationCount 9
// Each benchmark runs in its own process: --inProcess shares one JIT between benchmarks and skews them (docs/benchmarks.md).
BenchmarkSwitcher.FromAssembly(typeof(HipPain.Rules.Benchmarks.ScoringBenchmarks).Assembly).Run(args);
