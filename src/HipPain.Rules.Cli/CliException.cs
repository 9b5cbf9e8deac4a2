namespace HipPain.Rules.Cli;

/// <summary>An error a command reports as one line on standard error, with its exit code; never a stack trace.</summary>
internal sealed class CliException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="exitCode">The exit code (<see cref="ExitCodes"/>).</param>
    /// <param name="message">The line to print, without the <c>hippain: error:</c> prefix.</param>
    public CliException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    /// <summary>Creates a usage error (exit code 2).</summary>
    public CliException()
        : this(ExitCodes.Usage, "usage error")
    {
    }

    /// <summary>Creates a usage error (exit code 2).</summary>
    /// <param name="message">The line to print.</param>
    public CliException(string message)
        : this(ExitCodes.Usage, message)
    {
    }

    /// <summary>Creates a usage error (exit code 2).</summary>
    /// <param name="message">The line to print.</param>
    /// <param name="innerException">The cause.</param>
    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.Usage;
    }

    /// <summary>The exit code.</summary>
    public int ExitCode { get; }
}
