using System.Collections.Immutable;
using HipPain.Rules.Model;

namespace HipPain.Rules.Authoring;

/// <summary>
/// An upper bound of the UTF-8 bytes of a knowledge base's JSON form (<c>KnowledgeBaseJson.Write</c>: indented,
/// with the default escaping), computed from the builder's drafts in one pass without writing anything, so that
/// <c>Build</c> can refuse a base whose JSON the reader would refuse (<see cref="KnowledgeBaseLimits.MaximumJsonBytes"/>).
/// </summary>
/// <remarks>
/// Each item is allowed a fixed number of bytes for its keys, punctuation, indentation, enumeration names and
/// numbers, measured on the written form with the longest names and numbers and the deepest indentation its kind
/// can have, and rounded up; each text adds 1 byte per letter, digit, space or common punctuation and 6 bytes per
/// other character (the longest escape, <c>\uXXXX</c>). A test checks the bound against the written size of the
/// built-in base and of random bases. A new item kind in the JSON format needs its allowance here.
/// </remarks>
internal static class JsonSizeBound
{
    private const int Root = 256;
    private const int Finding = 192;
    private const int Treatment = 320;
    private const int Cause = 576;
    private const int Rule = 448;
    private const int Recommendation = 128;
    private const int RedFlag = 448;
    private const int Suspect = 16;

    // A graded rule adds its "graded" object (the "parts" and "ratios" keys and brackets) and one line per ratio: the
    // indentation, the longest number ("-1.2345678901234567E-300") or null, and a comma. A group takes its id, name
    // and members keys and brackets; a member its braces, "rule" and "joint": true.
    private const int Graded = 256;
    private const int GradedRatio = 48;
    private const int Group = 256;
    private const int GroupMember = 128;

    // A criterion's lines: a single finding or a sex takes 3 ({, the form, }), an age band 6, a composite 5 around
    // its parts. Each line holds at most its indentation and 14 bytes of key and punctuation; the indentation is
    // 14 spaces at the root of a rule's criterion (a red flag's is shallower) and 4 more per level.
    private const int LineOverhead = 14;
    private const int RootIndentation = 14;
    private const int IndentationPerLevel = 4;

    // A wording field's line besides its name and text: the deepest indentation an item's field has (10 spaces, in a
    // cause's rules and groups), the key's and the value's quotes, ": ", the comma and the line break.
    private const int WordingKey = 18;

    public static long Of(KnowledgeBaseBuilder builder)
    {
        var bytes = Root + Text(builder.Id) + Text(builder.Version) + Text(builder.Title);
        foreach (var finding in builder.Findings)
        {
            bytes += Finding + Text(finding.Id) + Named(finding.Wording) + Numbers(Model.Finding.Numbers, finding.Numbers) + Choices(finding.Choices);
        }

        foreach (var treatment in builder.Treatments)
        {
            bytes += Treatment + Text(treatment.Id) + Named(treatment.Wording) + Choices(treatment.Choices) + Evidence(treatment.Evidence);
        }

        foreach (var cause in builder.Causes)
        {
            bytes += Cause + Text(cause.Id) + Named(cause.Wording) + Named(cause.Codes) + Numbers(Model.Cause.Numbers, cause.Numbers) + Choices(cause.Choices)
                + Evidence(cause.PriorEvidence) + Text(cause.RunningAdvice?.Text ?? DraftConversion.DefaultRunningAdvice(cause.SuspectedUrgency).Text);
            foreach (var rule in cause.Rules)
            {
                bytes += Rule + Text(rule.Id) + Named(rule.Wording) + Evidence(rule.Evidence) + Criterion(rule.Criterion);
                if (rule.IsGraded)
                {
                    // Each part one level deeper than a rule's criterion.
                    bytes += Graded + (GradedRatio * (long)rule.RatiosByCount!.Count)
                        + rule.Parts!.Sum(part => part.IsWithinLimits ? Criterion(part, 1) : 0);
                }
            }

            foreach (var group in cause.Groups)
            {
                bytes += Group + Text(group.Id) + Named(group.Wording) + group.Members.Sum(member => GroupMember + Text(member.RuleId));
            }

            foreach (var recommendation in cause.Recommendations)
            {
                bytes += Recommendation + Text(recommendation.TreatmentId) + Choices(recommendation.Choices) + Text(recommendation.Note) + Evidence(recommendation.Evidence);
            }
        }

        foreach (var flag in builder.RedFlags)
        {
            bytes += RedFlag + Text(flag.Id) + Named(flag.Wording) + Evidence(flag.Evidence)
                + Text(flag.RunningAdvice?.Text ?? DraftConversion.DefaultRunningAdvice(flag.Urgency ?? Urgency.Routine).Text);
            if (flag.Criterion is { } criterion)
            {
                bytes += Criterion(criterion);
            }

            foreach (var cause in flag.SuspectedCauseIds)
            {
                bytes += Suspect + Text(cause);
            }
        }

        return bytes;
    }

    /// <summary>A criterion beyond the limits is reported on its own (HPK018) and counts nothing here; one within them is walked.</summary>
    private static long Criterion(Criterion? criterion) => criterion is null || !criterion.IsWithinLimits ? 0 : Criterion(criterion, 0);

    private static long Criterion(Criterion criterion, int level)
    {
        var line = RootIndentation + (IndentationPerLevel * level) + LineOverhead;
        return criterion switch
        {
            FindingCriterion finding => (3 * line) + (6L * finding.FindingId.Length),
            AgeCriterion => (6 * line) + 22,
            SexCriterion => (3 * line) + 6,
            CountCriterion count => (5 * line) + 11 + count.Parts.Sum(part => Criterion(part, level + 1)),
            _ => throw new NotSupportedException($"Criterion type {criterion.GetType().Name} has no size allowance."),
        };
    }

    /// <summary>
    /// An item's plain wording or clinical codes: each text, and its key's line (<see cref="WordingKey"/>). The per-kind
    /// allowances above were measured with the keys of the wording fields and codes each kind had then (a cause's
    /// <c>icd10</c> and <c>snomedCt</c>), so those keys are counted twice: a safe over-estimate that lets a kind gain a
    /// wording field or a code without a new allowance here.
    /// </summary>
    private static long Named(NamedTexts texts) =>
        texts.Texts.Sum(text => WordingKey + text.Key.Length + Text(text.Value));

    /// <summary>
    /// An item's clinical numbers: each set number's line as for a wording field (<see cref="WordingKey"/> and its name)
    /// with the longest text its declaration's JSON form can take (<see cref="ClinicalNumber{T}.LongestText"/>: a whole
    /// number's 11 bytes, a fraction's 24).
    /// </summary>
    private static long Numbers<T>(ImmutableArray<ClinicalNumber<T>> declarations, NamedNumbers numbers) =>
        declarations.Where(number => numbers[number.Name] is not null).Sum(number => WordingKey + number.Name.Length + number.LongestText);

    /// <summary>
    /// An item's enumerated fields: each set field's line as for a wording field (<see cref="WordingKey"/> and its name)
    /// with the longest JSON name its declaration allows (so a value outside it, which the validator reports, counts too).
    /// The allowances above already hold a cause's <c>suspectedUrgency</c>, a finding's <c>kind</c> and
    /// <c>region</c>, a treatment's <c>kind</c> and a recommendation's <c>line</c>, so they are counted twice, as the
    /// codes are. A loop by index: this runs on every JSON read.
    /// </summary>
    private static long Choices<T>(in NamedChoices<T> choices)
    {
        long bytes = 0;
        var declarations = choices.Declarations;
        for (var i = 0; i < declarations.Length; i++)
        {
            if (choices[i] is not null)
            {
                bytes += WordingKey + declarations[i].Name.Length + declarations[i].LongestName;
            }
        }

        return bytes;
    }

    private static long Evidence(Evidence? evidence) => evidence is null ? 0 : Text(evidence.Citation) + Text(evidence.Note);

    private static long Text(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        long bytes = 0;
        foreach (var c in text)
        {
            bytes += char.IsAsciiLetterOrDigit(c) || c is ' ' or '.' or ',' or ';' or ':' or '-' or '_' or '(' or ')' or '/' ? 1 : 6;
        }

        return bytes;
    }
}
