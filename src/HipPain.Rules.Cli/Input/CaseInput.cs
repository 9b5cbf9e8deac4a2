using HipPain.Rules.Model;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.Cli.Input;

/// <summary>A case from a case file, standard input or the <c>--present/--absent/--age/--sex</c> options.</summary>
internal static class CaseInput
{
    /// <summary>Builds the case.</summary>
    /// <param name="casePath">A case file, <c>-</c> for standard input, or null to use the options.</param>
    /// <param name="present">Findings present.</param>
    /// <param name="absent">Findings absent.</param>
    /// <param name="age">Age in years.</param>
    /// <param name="sex">Sex.</param>
    /// <param name="console">The console.</param>
    /// <param name="allowEmpty">True to return an empty case when neither form is given (an interview may start from nothing).</param>
    /// <returns>The case.</returns>
    /// <exception cref="CliException">Neither (unless <paramref name="allowEmpty"/>) or both forms were given (2), or the file is invalid (1).</exception>
    public static PatientCase Read(string? casePath, IReadOnlyList<string> present, IReadOnlyList<string> absent, int? age, Sex? sex, CliConsole console, bool allowEmpty = false)
    {
        var options = present.Count > 0 || absent.Count > 0 || age is not null || sex is not null;
        if (casePath is not null)
        {
            if (options)
            {
                throw new CliException("give a case file or --present/--absent/--age/--sex, not both");
            }

            var json = InputFiles.Read(casePath, console);
            return KnowledgeSource.Guard(casePath, () => CaseJson.Read(json));
        }

        if (!options && !allowEmpty)
        {
            throw new CliException("no case: give a case file (or - for standard input), or --present/--absent/--age/--sex");
        }

        var observations = present.Select(Observation.Present).Concat(absent.Select(Observation.Absent));
        return new PatientCase(age, sex ?? Sex.Unspecified, observations);
    }
}
