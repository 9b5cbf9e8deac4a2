using System.Globalization;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.Cli.Input;

/// <summary>
/// Reads a clinic's register of diagnoses for <c>hippain priors</c>: one line per diagnosis, either a cause id (one
/// patient) or <c>cause-id,count</c>; blank lines, <c>#</c> comments and a header line <c>cause,count</c> are skipped.
/// Every problem names the file and the line.
/// </summary>
internal static class DiagnosisRegister
{
    /// <summary>Parses the register against a base's cause ids.</summary>
    /// <param name="displayName">The file's name for messages.</param>
    /// <param name="text">The register's text.</param>
    /// <param name="knowledgeBase">The base whose causes the diagnoses must name.</param>
    /// <returns>Each line's diagnosis and count, in file order.</returns>
    /// <exception cref="CliException">A line is not a diagnosis and a count (exit code 1).</exception>
    public static IReadOnlyList<KeyValuePair<string, int>> Parse(string displayName, string text, KnowledgeBase knowledgeBase)
    {
        var causeIds = knowledgeBase.Causes.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var entries = new List<KeyValuePair<string, int>>();
        var lines = text.Split('\n');
        var headerAllowed = true;
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            var where = string.Create(CultureInfo.InvariantCulture, $"{displayName} line {index + 1}");
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split(',').Select(f => f.Trim()).ToArray();
            if (headerAllowed && IsHeader(fields))
            {
                headerAllowed = false;
                continue;
            }

            headerAllowed = false;
            if (fields.Length > 2)
            {
                throw Problem($"{where}: expected 'cause-id' or 'cause-id,count', found {fields.Length.ToString(CultureInfo.InvariantCulture)} fields in '{line}'.");
            }

            var diagnosis = fields[0];
            if (!causeIds.Contains(diagnosis) && diagnosis != CaseMixPriors.OtherDiagnosis)
            {
                var suggestion = Closest(diagnosis, causeIds);
                var hint = suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";
                throw Problem($"{where}: '{diagnosis}' is not a cause of {knowledgeBase.Id} {knowledgeBase.Version}.{hint} Count a diagnosis outside the base as '{CaseMixPriors.OtherDiagnosis}'; 'hippain kb export' lists the causes.");
            }

            var count = 1;
            if (fields.Length == 2 && !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out count))
            {
                throw Problem($"{where}: the count '{fields[1]}' for '{diagnosis}' is not a whole number from 0 to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}.");
            }

            entries.Add(new(diagnosis, count));
        }

        if (entries.Count == 0)
        {
            throw Problem($"{displayName}: no diagnosis; write one cause id, or 'cause-id,count', per line.");
        }

        return entries;
    }

    private static CliException Problem(string message) => new(ExitCodes.Problems, message);

    // "cause", "cause,count", "diagnosis" or "diagnosis,count", in any case.
    private static bool IsHeader(string[] fields) =>
        fields.Length <= 2
        && (fields[0].Equals("cause", StringComparison.OrdinalIgnoreCase) || fields[0].Equals("diagnosis", StringComparison.OrdinalIgnoreCase))
        && (fields.Length == 1 || fields[1].Equals("count", StringComparison.OrdinalIgnoreCase));

    // The cause id nearest by edit distance, ignoring case, if it is within a third of the id's length (a typo, not another word).
    private static string? Closest(string diagnosis, IEnumerable<string> causeIds)
    {
        var best = causeIds
            .Select(id => (Id: id, Distance: Distance(diagnosis.ToLowerInvariant(), id)))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .First();
        return best.Distance <= Math.Max(1, best.Id.Length / 3) ? best.Id : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
