namespace HipPain.Rules.Cli;

/// <summary>The <c>hippain</c> entry point.</summary>
internal static class Program
{
    private static int Main(string[] args) => HippainApp.Run(args, CliConsole.FromProcess());
}
