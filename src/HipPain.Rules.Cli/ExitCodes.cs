namespace HipPain.Rules.Cli;

/// <summary>The exit codes of every <c>hippain</c> command (docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked; for <c>lint</c>, no problem was found.</summary>
    public const int Success = 0;

    /// <summary>The input was read but its content has problems: lint problems, an invalid case, pack or overlay.</summary>
    public const int Problems = 1;

    /// <summary>The command line is wrong: an unknown option, a missing argument, a file that cannot be read, an unknown name.</summary>
    public const int Usage = 2;

    /// <summary><c>replay</c> found a change that <c>--fail-on</c> names (for example an urgency drop).</summary>
    public const int FailOn = 3;
}
