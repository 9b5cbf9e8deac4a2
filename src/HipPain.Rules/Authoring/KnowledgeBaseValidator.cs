using System.Collections.Immutable;
using System.Globalization;
using HipPain.Rules.Model;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Authoring;

/// <summary>Checks a builder's drafts and collects every problem with a stable code and a path.</summary>
internal sealed class KnowledgeBaseValidator
{
    internal const int MaximumAge = 120;

    private readonly KnowledgeBaseBuilder builder;
    private readonly List<ValidationProblem> problems = [];
    private readonly HashSet<string> findingIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> treatmentIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> causeIds = new(StringComparer.Ordinal);

    private KnowledgeBaseValidator(KnowledgeBaseBuilder builder) => this.builder = builder;

    public static ImmutableArray<ValidationProblem> Validate(KnowledgeBaseBuilder builder)
    {
        var validator = new KnowledgeBaseValidator(builder);
        validator.Run();
        return [.. validator.problems];
    }

    private void Run()
    {
        Id(builder.Id, builder.PathPrefix + "id");
        Text(builder.Version, builder.PathPrefix + "version");
        if (!Validation.TextCultures.IsValid(builder.TextCulture))
        {
            Add(ErrorCodes.InvalidText, builder.PathPrefix + "textCulture", $"Text culture '{builder.TextCulture}' is not a culture name such as 'en' or 'es-MX'.");
        }
        if (builder.Causes.Count == 0)
        {
            Add(ErrorCodes.NoCauses, builder.PathPrefix + "causes", "The knowledge base has no cause; add at least one.");
        }

        foreach (var finding in builder.Findings)
        {
            var path = finding.SourcePath ?? $"findings[{finding.Id}]";
            if (Id(finding.Id, path + ".id") && !findingIds.Add(finding.Id))
            {
                Add(ErrorCodes.DuplicateId, path, $"Finding id '{finding.Id}' is used more than once.");
            }

            Text(finding.Name, path + ".name");
            Defined(finding.Kind, path + ".kind");
            Defined(finding.Region, path + ".region");
        }

        foreach (var treatment in builder.Treatments)
        {
            var path = treatment.SourcePath ?? $"treatments[{treatment.Id}]";
            if (Id(treatment.Id, path + ".id") && !treatmentIds.Add(treatment.Id))
            {
                Add(ErrorCodes.DuplicateId, path, $"Treatment id '{treatment.Id}' is used more than once.");
            }

            Text(treatment.Name, path + ".name");
            Defined(treatment.Kind, path + ".kind");
            EvidenceOf(treatment.Evidence, path + ".evidence");
        }

        foreach (var cause in builder.Causes)
        {
            var path = cause.SourcePath ?? $"causes[{cause.Id}]";
            if (Id(cause.Id, path + ".id") && !causeIds.Add(cause.Id))
            {
                Add(ErrorCodes.DuplicateId, path, $"Cause id '{cause.Id}' is used more than once.");
            }
        }

        var ruleIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cause in builder.Causes)
        {
            CauseOf(cause, ruleIds);
        }

        var flagIds = new HashSet<string>(StringComparer.Ordinal);
        var flaggedCauses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var flag in builder.RedFlags)
        {
            RedFlagOf(flag, flagIds, flaggedCauses);
        }

        foreach (var cause in builder.Causes)
        {
            if (cause.SuspectedUrgency >= Urgency.Urgent && !flaggedCauses.Contains(cause.Id))
            {
                Add(
                    ErrorCodes.CriticalCauseWithoutRedFlag,
                    (cause.SourcePath ?? $"causes[{cause.Id}]") + ".suspectedUrgency",
                    $"Cause '{cause.Id}' is {cause.SuspectedUrgency} when suspected but no red-flag gate names it, so it could never escalate; add a red flag with Suspects(\"{cause.Id}\").");
            }
        }
    }

    private void CauseOf(CauseDraft cause, HashSet<string> ruleIds)
    {
        var path = cause.SourcePath ?? $"causes[{cause.Id}]";
        Text(cause.Name, path + ".name");
        Defined(cause.SuspectedUrgency, path + ".suspectedUrgency");
        if (cause.Prior is not double prior)
        {
            Add(ErrorCodes.MissingPrior, path + ".prior", $"Cause '{cause.Id}' has no prior; call Prior(probability, evidence).");
        }
        else
        {
            if (!(prior > 0 && prior < 1))
            {
                Add(ErrorCodes.PriorOutOfRange, path + ".prior", $"Prior {Format(prior)} of cause '{cause.Id}' is outside the open interval (0, 1).");
            }

            EvidenceOf(cause.PriorEvidence, path + ".priorEvidence");
        }

        if (cause.RunningAdvice is { } advice)
        {
            Defined(advice.Restriction, path + ".running.restriction");
            Text(advice.Text, path + ".running.text");
        }

        var earlier = new List<RuleDraft>();
        foreach (var rule in cause.Rules)
        {
            var rulePath = rule.SourcePath ?? $"{path}.rules[{rule.Id}]";
            if (Id(rule.Id, rulePath + ".id") && !ruleIds.Add(rule.Id))
            {
                Add(ErrorCodes.DuplicateId, rulePath, $"Rule id '{rule.Id}' is used more than once.");
            }

            Ratio(rule.Positive, rulePath + ".ratio.positive", "LR+");
            Ratio(rule.Negative, rulePath + ".ratio.negative", "LR-");
            EvidenceOf(rule.Evidence, rulePath + ".evidence");
            CriterionOf(rule.Criterion, rulePath + ".criterion");
            var ids = rule.Criterion.FindingIds();
            foreach (var duplicate in ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                Add(ErrorCodes.FindingCountedTwice, rulePath + ".criterion", $"Finding '{duplicate.Key}' appears more than once in the criterion of rule '{rule.Id}'.");
            }

            foreach (var other in earlier)
            {
                var shared = other.Criterion.FindingIds().Intersect(ids, StringComparer.Ordinal).FirstOrDefault();
                if (shared is not null && !MutuallyExclusiveOneSided(other, rule))
                {
                    Add(
                        ErrorCodes.FindingCountedTwice,
                        rulePath + ".criterion",
                        $"Finding '{shared}' already feeds rule '{other.Id}' of cause '{cause.Id}'; using it again would count its evidence twice. Fold both into one rule, or make them one-sided (LR- = 1) outcomes that cannot both be met.");
                }
            }

            earlier.Add(rule);
        }

        var plan = 0;
        for (var i = 0; i < cause.Recommendations.Count; i++)
        {
            var recommendation = cause.Recommendations[i];
            var recPath = recommendation.SourcePath ?? $"{path}.recommendations[{i}]";
            Defined(recommendation.Line, recPath + ".line");
            if (!treatmentIds.Contains(recommendation.TreatmentId))
            {
                Add(ErrorCodes.UnknownTreatment, recPath, $"Cause '{cause.Id}' recommends unknown treatment '{recommendation.TreatmentId}'.");
            }
            else if (recommendation.Line != TreatmentLine.Avoid)
            {
                plan++;
            }
        }

        if (plan == 0)
        {
            Add(ErrorCodes.CauseWithoutPlan, path + ".recommendations", $"Cause '{cause.Id}' has no treatment and no workup step; recommend at least one.");
        }
    }

    // Two rules may share a finding when each only acts when met (LR- = 1) and they cannot both be met:
    // the outcomes of a test cluster ("both positive" and "both negative") are the usual example.
    private static bool MutuallyExclusiveOneSided(RuleDraft a, RuleDraft b)
    {
        if (a.Negative != 1 || b.Negative != 1 || RequiredStates(a.Criterion) is not { } left || RequiredStates(b.Criterion) is not { } right)
        {
            return false;
        }

        return left.Any(pair => right.TryGetValue(pair.Key, out var state) && state != pair.Value);
    }

    private static Dictionary<string, FindingState>? RequiredStates(Criterion criterion)
    {
        var parts = criterion switch
        {
            FindingCriterion single => [single],
            CountCriterion all when all.Minimum == all.Parts.Length && all.Parts.All(p => p is FindingCriterion) => all.Parts.Cast<FindingCriterion>().ToArray(),
            _ => null,
        };
        if (parts is null)
        {
            return null;
        }

        var required = new Dictionary<string, FindingState>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            required[part.FindingId] = part.Expected;
        }

        return required;
    }

    private void RedFlagOf(RedFlagDraft flag, HashSet<string> flagIds, HashSet<string> flaggedCauses)
    {
        var path = flag.SourcePath ?? $"redFlags[{flag.Id}]";
        if (Id(flag.Id, path + ".id") && !flagIds.Add(flag.Id))
        {
            Add(ErrorCodes.DuplicateId, path, $"Red flag id '{flag.Id}' is used more than once.");
        }

        Text(flag.Name, path + ".name");
        if (flag.Urgency is not Urgency urgency)
        {
            Add(ErrorCodes.RedFlagWithoutUrgency, path + ".urgency", $"Red flag '{flag.Id}' does not say which urgency it sets; call Urgency(...).");
        }
        else
        {
            Defined(urgency, path + ".urgency");
        }

        if (flag.Criterion is null)
        {
            Add(ErrorCodes.RedFlagWithoutCriterion, path + ".criterion", $"Red flag '{flag.Id}' has no criterion; call When(...).");
        }
        else
        {
            CriterionOf(flag.Criterion, path + ".criterion");
        }

        Text(flag.Action, path + ".action");
        if (flag.Evidence is null)
        {
            Add(ErrorCodes.MissingCitation, path + ".evidence", $"Red flag '{flag.Id}' has no source; call Evidence(...).");
        }
        else
        {
            EvidenceOf(flag.Evidence, path + ".evidence");
        }

        if (flag.RunningAdvice is { } advice)
        {
            Defined(advice.Restriction, path + ".running.restriction");
            Text(advice.Text, path + ".running.text");
        }

        for (var i = 0; i < flag.SuspectedCauseIds.Count; i++)
        {
            var causeId = flag.SuspectedCauseIds[i];
            if (!causeIds.Contains(causeId))
            {
                Add(ErrorCodes.UnknownCause, $"{path}.suspects[{i}]", $"Red flag '{flag.Id}' names unknown cause '{causeId}'.");
            }
            else
            {
                flaggedCauses.Add(causeId);
            }
        }
    }

    private void CriterionOf(Criterion criterion, string path)
    {
        switch (criterion)
        {
            case FindingCriterion finding:
                if (finding.Expected is not (FindingState.Present or FindingState.Absent))
                {
                    Add(ErrorCodes.InvalidCriterion, path, $"A finding criterion must expect Present or Absent, not {finding.Expected}.");
                }

                if (!findingIds.Contains(finding.FindingId))
                {
                    Add(ErrorCodes.UnknownFinding, path, $"Unknown finding '{finding.FindingId}'; add it with AddFinding first.");
                }

                break;
            case CountCriterion count:
                if (count.Parts.IsEmpty)
                {
                    Add(ErrorCodes.InvalidCriterion, path, "A composite criterion needs at least one part.");
                }
                else if (count.Minimum < 1 || count.Minimum > count.Parts.Length)
                {
                    Add(ErrorCodes.InvalidCriterion, path, $"At-least-{count.Minimum} is outside the allowed range 1..{count.Parts.Length} (the number of parts).");
                }

                for (var i = 0; i < count.Parts.Length; i++)
                {
                    CriterionOf(count.Parts[i], $"{path}.parts[{i}]");
                }

                break;
            case AgeCriterion age:
                if ((age.Minimum is null && age.Maximum is null)
                    || age.Minimum is < 0 or > MaximumAge
                    || age.Maximum is < 0 or > MaximumAge
                    || age.Minimum > age.Maximum)
                {
                    Add(ErrorCodes.InvalidCriterion, path, $"Age band {age.Minimum}..{age.Maximum} must have at least one bound, bounds within 0..{MaximumAge}, and minimum <= maximum.");
                }

                break;
            case SexCriterion sex:
                if (sex.Sex is not (Sex.Female or Sex.Male))
                {
                    Add(ErrorCodes.InvalidCriterion, path, $"A sex criterion must name Female or Male, not {sex.Sex}.");
                }

                break;
        }
    }

    private void Ratio(double value, string path, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            Add(ErrorCodes.InvalidLikelihoodRatio, path, $"{name} {Format(value)} is not a finite number greater than 0.");
        }
    }

    private void EvidenceOf(Evidence? evidence, string path)
    {
        if (evidence is null || string.IsNullOrWhiteSpace(evidence.Citation))
        {
            Add(ErrorCodes.MissingCitation, path + ".citation", "The citation is missing or blank; every weight, prior, treatment and red flag names its source.");
            return;
        }

        Defined(evidence.Level, path + ".level");
        Defined(evidence.Status, path + ".status");
    }

    private bool Id(string? id, string path)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Any(char.IsWhiteSpace) || id.Any(char.IsControl))
        {
            Add(ErrorCodes.InvalidText, path, $"Id '{id}' is blank or contains white space or control characters.");
            return false;
        }

        return true;
    }

    private void Text(string? text, string path)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(ErrorCodes.InvalidText, path, "The text is missing or blank.");
        }
    }

    private void Defined<T>(T value, string path)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            Add(ErrorCodes.UndefinedValue, path, $"{Convert.ToInt64(value, CultureInfo.InvariantCulture)} is not a defined {typeof(T).Name}; allowed: {string.Join(", ", Enum.GetNames<T>())}.");
        }
    }

    private void Add(string code, string path, string message) => problems.Add(new ValidationProblem(code, path, message));

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
