using System.Collections.Immutable;
using System.Globalization;
using HipPain.Rules.Model;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Authoring;

/// <summary>Checks a builder's drafts and collects every problem with a stable code and a path.</summary>
internal sealed class KnowledgeBaseValidator
{
    private readonly KnowledgeBaseBuilder builder;
    private readonly List<ValidationProblem> problems = [];
    private readonly HashSet<string> findingIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Sex> oneSexFindings = new(StringComparer.Ordinal);
    private readonly HashSet<string> treatmentIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> causeIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> causeOfRule = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> groupOfRule = new(StringComparer.Ordinal);
    private readonly HashSet<string> groupIds = new(StringComparer.Ordinal);

    private KnowledgeBaseValidator(KnowledgeBaseBuilder builder) => this.builder = builder;

    /// <summary>
    /// The steps taken: criteria parts visited, finding codes indexed and pairs of rules compared. Validation is
    /// near-linear when this grows in proportion to the size of the base (a test counts it; nothing times it).
    /// </summary>
    private long work;

    public static ImmutableArray<ValidationProblem> Validate(KnowledgeBaseBuilder builder) => Validate(builder, out _);

    /// <summary>Validates and reports the steps taken, for the test that holds validation to near-linear work.</summary>
    internal static ImmutableArray<ValidationProblem> Validate(KnowledgeBaseBuilder builder, out long work)
    {
        var validator = new KnowledgeBaseValidator(builder);
        validator.Run();
        work = validator.work;
        return [.. validator.problems];
    }

    private void Run()
    {
        Id(builder.Id, "$.id");
        Text(builder.Version, "$.version");
        if (!Validation.TextCultures.IsValid(builder.TextCulture))
        {
            Add(ErrorCodes.InvalidText, "$.textCulture", $"Text culture '{builder.TextCulture}' is not a culture name such as 'en' or 'es-MX'.");
        }
        if (builder.Causes.Count == 0)
        {
            Add(ErrorCodes.NoCauses, "$.causes", "The knowledge base has no cause; add at least one.");
        }

        Count(builder.Findings.Count, "$.findings", "The knowledge base has {0} findings");
        Count(builder.Treatments.Count, "$.treatments", "The knowledge base has {0} treatments");
        Count(builder.Causes.Count, "$.causes", "The knowledge base has {0} causes");
        Count(builder.RedFlags.Count, "$.redFlags", "The knowledge base has {0} red flags");

        for (var f = 0; f < builder.Findings.Count; f++)
        {
            FindingOf(builder.Findings[f], f);
        }

        for (var t = 0; t < builder.Treatments.Count; t++)
        {
            TreatmentOf(builder.Treatments[t], t);
        }

        // A cause's id is checked before any cause's rules, which name causes; its name and the rest in CauseOf.
        for (var c = 0; c < builder.Causes.Count; c++)
        {
            var cause = builder.Causes[c];
            UniqueId(cause.Id, PathOf(cause, "$.causes", c), causeIds, "Cause");
        }

        foreach (var cause in builder.Causes)
        {
            foreach (var rule in cause.Rules)
            {
                causeOfRule.TryAdd(rule.Id, cause.Id);
            }
        }

        var ruleIds = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < builder.Causes.Count; c++)
        {
            CauseOf(builder.Causes[c], c, ruleIds);
        }

        var flagIds = new HashSet<string>(StringComparer.Ordinal);
        var flaggedCauses = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < builder.RedFlags.Count; r++)
        {
            RedFlagOf(builder.RedFlags[r], r, flagIds, flaggedCauses);
        }

        for (var c = 0; c < builder.Causes.Count; c++)
        {
            var cause = builder.Causes[c];
            if (cause.SuspectedUrgency >= Urgency.Urgent && !flaggedCauses.Contains(cause.Id))
            {
                Add(
                    ErrorCodes.CriticalCauseWithoutRedFlag,
                    PathOf(cause, "$.causes", c) + ".suspectedUrgency",
                    $"Cause '{cause.Id}' is {cause.SuspectedUrgency} when suspected but no red flag names it, so it could never escalate; add a red flag with Suspect(\"{cause.Id}\").");
            }
        }

        var bytes = JsonSizeBound.Of(builder);
        if (bytes > builder.MaximumJsonBytes)
        {
            var limit = builder.MaximumJsonBytes == KnowledgeBaseLimits.MaximumJsonBytes ? "KnowledgeBaseLimits.MaximumJsonBytes" : "raised for this builder";
            Add(
                ErrorCodes.LimitExceeded,
                "$",
                string.Create(CultureInfo.InvariantCulture, $"The knowledge base is too large: its JSON form could take up to {bytes} bytes; the limit is {builder.MaximumJsonBytes} ({limit}). Split it, or shorten its texts."));
        }
    }

    private void Count(int count, string path, string what)
    {
        if (count > KnowledgeBaseLimits.MaximumItems)
        {
            Add(
                ErrorCodes.LimitExceeded,
                path,
                string.Format(CultureInfo.InvariantCulture, what, count) + string.Create(CultureInfo.InvariantCulture, $"; the limit is {KnowledgeBaseLimits.MaximumItems} (KnowledgeBaseLimits.MaximumItems)."));
        }
    }

    /// <summary>False, with HPK018 reported, when a criterion is beyond the limits: it is then not walked at all.</summary>
    private bool WithinLimits(Criterion criterion, string path)
    {
        if (criterion.LimitProblem() is { } problem)
        {
            Add(ErrorCodes.LimitExceeded, path, problem);
            return false;
        }

        return true;
    }

    /// <summary>
    /// The one range check of the clinical numbers (<see cref="ClinicalNumber{T}"/>): each value an item gives is within
    /// its declaration's range, or <see cref="ErrorCodes.ValueOutOfRange"/> at the number's path.
    /// </summary>
    private void InRange<T>(ImmutableArray<ClinicalNumber<T>> declarations, NamedNumbers numbers, string path, string item)
    {
        foreach (var number in declarations)
        {
            if (numbers[number.Name] is { } value && number.Refusal(value, item) is { } refusal)
            {
                Add(ErrorCodes.ValueOutOfRange, path + "." + number.Name, refusal);
            }
        }
    }

    /// <summary>
    /// The one check of the reference fields (<see cref="ClinicalCode{T}.Target"/>): each id an item gives names an item of
    /// the field's kind in the base, or that kind's unknown-item error (HPK003 finding, HPK008 treatment, HPK002 cause)
    /// at the field's path, naming the field, the id and the kind.
    /// </summary>
    /// <param name="declarations">The kind's declared codes; those without a target are plain text and not checked.</param>
    /// <param name="codes">The item's codes by name.</param>
    /// <param name="known">The ids of each kind in the base.</param>
    /// <param name="path">The item's path.</param>
    /// <param name="item">The item as messages name it, for example <c>Cause 'x'</c>.</param>
    internal static IEnumerable<(string Code, string Path, string Message)> UnknownReferences<T>(
        ImmutableArray<ClinicalCode<T>> declarations,
        NamedTexts codes,
        Func<ItemKind, IReadOnlySet<string>> known,
        string path,
        string item)
    {
        foreach (var declaration in declarations)
        {
            if (declaration.Target is { } target && codes[declaration.Name] is { } id && !known(target).Contains(id))
            {
                var (code, noun) = target switch
                {
                    ItemKind.Finding => (ErrorCodes.UnknownFinding, "finding"),
                    ItemKind.Treatment => (ErrorCodes.UnknownTreatment, "treatment"),
                    _ => (ErrorCodes.UnknownCause, "cause"),
                };
                yield return (code, $"{path}.{declaration.Name}", $"{item} names unknown {noun} '{id}' in {declaration.Name}; it must be the id of a {noun} of the base.");
            }
        }
    }

    private IReadOnlySet<string> KnownIds(ItemKind kind) => kind switch
    {
        ItemKind.Finding => findingIds,
        ItemKind.Treatment => treatmentIds,
        _ => causeIds,
    };

    private void FindingOf(FindingDraft finding, int index)
    {
        var path = PathOf(finding, "$.findings", index);
        NamedItem(finding, finding.Id, path, findingIds, "Finding");
        Allowed(finding.Choices, path);
        InRange(Finding.Numbers, finding.Numbers, path, $"finding '{finding.Id}'");
        if (finding.Sex is Sex.Female or Sex.Male && finding.Id is not null)
        {
            oneSexFindings.TryAdd(finding.Id, finding.Sex);
        }
    }

    private void TreatmentOf(TreatmentDraft treatment, int index)
    {
        var path = PathOf(treatment, "$.treatments", index);
        NamedItem(treatment, treatment.Id, path, treatmentIds, "Treatment");
        Allowed(treatment.Choices, path);
        EvidenceOf(treatment.Evidence, path + ".evidence");
    }

    /// <summary>
    /// The one check of the enumerated fields (<see cref="ClinicalChoice{T}"/>): each value an item has is one its
    /// declaration allows, or <see cref="ErrorCodes.UndefinedValue"/> at the field's path, naming the allowed values.
    /// </summary>
    private void Allowed<T>(in NamedChoices<T> choices, string path)
    {
        var declarations = choices.Declarations;
        for (var i = 0; i < declarations.Length; i++)
        {
            var choice = declarations[i];
            if (choices[i] is { } value && !choice.Allows(value))
            {
                var allowed = string.Join(", ", choice.Values.Select(v => v.ToString()));
                Add(ErrorCodes.UndefinedValue, path + "." + choice.Name, Enum.IsDefined(choice.Type, value)
                    ? $"{value} is not an allowed {choice.Name}; allowed: {allowed}."
                    : $"{Convert.ToInt64(value, CultureInfo.InvariantCulture)} is not a defined {choice.Type.Name}; allowed: {allowed}.");
            }
        }
    }

    private void CauseOf(CauseDraft cause, int causeIndex, HashSet<string> ruleIds)
    {
        var path = PathOf(cause, "$.causes", causeIndex);
        Text(cause.Name, path + ".name");
        Allowed(cause.Choices, path);
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

        InRange(Cause.Numbers, cause.Numbers, path, $"cause '{cause.Id}'");
        foreach (var (code, where, message) in UnknownReferences(Cause.Codes, cause.Codes, KnownIds, path, $"Cause '{cause.Id}'"))
        {
            Add(code, where, message);
        }

        Count(cause.Rules.Count, path + ".rules", $"Cause '{cause.Id}' has {{0}} rules");
        Count(cause.Groups.Count, path + ".groups", $"Cause '{cause.Id}' has {{0}} evidence groups");
        Count(cause.Recommendations.Count, path + ".recommendations", $"Cause '{cause.Id}' has {{0}} recommendations");

        // Members of one evidence group may read the same finding: the group counts their evidence once.
        var groupOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in cause.Groups)
        {
            work += group.Members.Count;
            foreach (var member in group.Members)
            {
                groupOf.TryAdd(member.RuleId, group.Id);
            }
        }

        // For each finding, the earlier rules of this cause that read it, in authoring order: a rule is compared
        // only with the rules it shares a finding with, never with every rule before it.
        var readers = new Dictionary<string, List<ReaderRun>>(StringComparer.Ordinal);
        for (var index = 0; index < cause.Rules.Count; index++)
        {
            var rule = cause.Rules[index];
            var rulePath = PathOf(rule, path + ".rules", index);
            UniqueId(rule.Id, rulePath, ruleIds, "Rule");

            if (rule.IsGraded)
            {
                GradedTableOf(rule, rulePath);
            }
            else
            {
                Ratio(rule.Positive, rulePath + ".ratio.positive", "LR+");
                Ratio(rule.Negative, rulePath + ".ratio.negative", "LR-");
            }

            EvidenceOf(rule.Evidence, rulePath + ".evidence");
            var where = rule.IsGraded ? rulePath + ".graded" : rulePath + ".criterion";
            if (rule.IsGraded)
            {
                Count(rule.Parts!.Count, where + ".parts", $"Graded rule '{rule.Id}' has {{0}} parts");
                if (Criterion.AtLeast(1, [.. rule.Parts]).LimitProblem() is { } problem)
                {
                    // The parts are bounded as one criterion, one level above its deepest part.
                    Add(ErrorCodes.LimitExceeded, where + ".parts", $"The parts of graded rule '{rule.Id}', taken as one criterion one level above them: {char.ToLowerInvariant(problem[0])}{problem[1..]}");
                    continue;
                }

                for (var i = 0; i < rule.Parts.Count; i++)
                {
                    CriterionOf(rule.Parts[i], string.Create(CultureInfo.InvariantCulture, $"{where}.parts[{i}]"));
                }
            }
            else
            {
                if (!WithinLimits(rule.Criterion!, where))
                {
                    continue;
                }

                CriterionOf(rule.Criterion!, where);
            }

            var ids = rule.FindingIds().ToList();
            work += ids.Count;
            var distinct = new HashSet<string>(StringComparer.Ordinal);
            var repeated = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in ids)
            {
                if (!distinct.Add(id) && repeated.Add(id))
                {
                    Add(ErrorCodes.FindingCountedTwice, where, $"Finding '{id}' appears more than once in the {(rule.IsGraded ? "parts" : "criterion")} of rule '{rule.Id}'.");
                }
            }

            var required = RequiredStates(rule);
            if (FirstConflict(rule, required, distinct, readers, groupOf) is var (other, shared))
            {
                Add(
                    ErrorCodes.FindingCountedTwice,
                    where,
                    $"Finding '{shared}' already feeds rule '{other.Id}' of cause '{cause.Id}'; using it again would count its evidence twice. Fold both into one rule, put both in one evidence group, or make them one-sided (LR- = 1) outcomes that cannot both be met.");
            }

            var ownGroup = groupOf.GetValueOrDefault(rule.Id);
            foreach (var id in distinct)
            {
                if (!readers.TryGetValue(id, out var runs))
                {
                    readers[id] = runs = [];
                }

                if (runs.Count == 0 || runs[^1].Group != ownGroup)
                {
                    runs.Add(new ReaderRun(ownGroup));
                }

                runs[^1].Readers.Add((rule, index, required));
            }
        }

        for (var g = 0; g < cause.Groups.Count; g++)
        {
            GroupOf(cause, cause.Groups[g], Item(path + ".groups", g));
        }

        var plan = 0;
        for (var i = 0; i < cause.Recommendations.Count; i++)
        {
            var recommendation = cause.Recommendations[i];
            var recPath = recommendation.SourcePath ?? Item(path + ".recommendations", i);
            Allowed(recommendation.Choices, recPath);
            if (recommendation.Evidence is not null)
            {
                EvidenceOf(recommendation.Evidence, recPath + ".evidence");
            }
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

    /// <summary>
    /// The earliest rule of the cause that shares a finding with <paramref name="rule"/> and may count it a second
    /// time (it is not in the same evidence group, and the two are not one-sided outcomes that exclude each other),
    /// with the first finding (in that rule's order) they share; null when there is none. Looks only at the earlier
    /// readers of the rule's own findings, skips a run of readers of the rule's own group in one step (so that a
    /// group whose members all read one finding stays linear), and stops in each list at the first conflict.
    /// </summary>
    private (RuleDraft Other, string Shared)? FirstConflict(
        RuleDraft rule,
        Dictionary<string, FindingState>? required,
        HashSet<string> findings,
        Dictionary<string, List<ReaderRun>> readers,
        Dictionary<string, string> groupOf)
    {
        RuleDraft? first = null;
        var firstIndex = int.MaxValue;
        var ownGroup = groupOf.GetValueOrDefault(rule.Id);
        foreach (var id in findings)
        {
            if (!readers.TryGetValue(id, out var runs))
            {
                continue;
            }

            foreach (var run in runs)
            {
                work++;
                if (ownGroup is not null && run.Group == ownGroup)
                {
                    continue;
                }

                var found = false;
                foreach (var (other, index, otherRequired) in run.Readers)
                {
                    work++;
                    if (!MutuallyExclusiveOneSided(other, otherRequired, rule, required))
                    {
                        if (index < firstIndex)
                        {
                            (first, firstIndex) = (other, index);
                        }

                        found = true;
                        break;
                    }
                }

                if (found)
                {
                    break;
                }
            }
        }

        return first is null ? null : (first, first.FindingIds().First(findings.Contains));
    }

    /// <summary>Consecutive readers of one finding that belong to one evidence group (or to none).</summary>
    private sealed class ReaderRun(string? group)
    {
        public string? Group { get; } = group;

        public List<(RuleDraft Rule, int Index, Dictionary<string, FindingState>? Required)> Readers { get; } = [];
    }

    private void GradedTableOf(RuleDraft rule, string rulePath)
    {
        var parts = rule.Parts!;
        var ratios = rule.RatiosByCount!;
        if (parts.Count == 0)
        {
            Add(ErrorCodes.InvalidGradedRule, rulePath + ".graded.parts", $"Graded rule '{rule.Id}' has no parts; give at least one criterion to count.");
        }
        else if (ratios.Count != parts.Count + 1)
        {
            Add(
                ErrorCodes.InvalidGradedRule,
                rulePath + ".graded.ratios",
                string.Create(CultureInfo.InvariantCulture, $"Graded rule '{rule.Id}' has {parts.Count} parts, so it needs {parts.Count + 1} ratios, one for each number of parts met from 0 to {parts.Count}; it has {ratios.Count}."));
        }
        else if (ratios.All(r => r is null))
        {
            Add(ErrorCodes.InvalidGradedRule, rulePath + ".graded.ratios", $"Graded rule '{rule.Id}' has no figure: every ratio is null. Give the figure of at least one count.");
        }

        work += ratios.Count;
        for (var k = 0; k < ratios.Count; k++)
        {
            if (ratios[k] is double ratio && (!double.IsFinite(ratio) || ratio <= 0))
            {
                Add(
                    ErrorCodes.InvalidLikelihoodRatio,
                    string.Create(CultureInfo.InvariantCulture, $"{rulePath}.graded.ratios[{k}]"),
                    string.Create(CultureInfo.InvariantCulture, $"The ratio for {k} parts met, {Format(ratio)}, is not a finite number greater than 0 (null when the source gives no figure)."));
            }
        }
    }

    private void GroupOf(CauseDraft cause, GroupDraft group, string itemPath)
    {
        var path = group.SourcePath ?? itemPath;
        NamedItem(group, group.Id, path, groupIds, "Group");
        Count(group.Members.Count, path + ".members", $"Group '{group.Id}' has {{0}} members");
        if (group.Members.Count == 0)
        {
            Add(ErrorCodes.EmptyGroup, path + ".members", $"Group '{group.Id}' has no member; list the rules of cause '{cause.Id}' that measure the same thing.");
        }

        for (var i = 0; i < group.Members.Count; i++)
        {
            var member = group.Members[i];
            var memberPath = (member.SourcePath ?? Item(path + ".members", i)) + ".rule";
            if (!causeOfRule.TryGetValue(member.RuleId, out var owner))
            {
                Add(ErrorCodes.UnknownRule, memberPath, $"Group '{group.Id}' names unknown rule '{member.RuleId}'.");
            }
            else if (owner != cause.Id)
            {
                Add(ErrorCodes.GroupAcrossCauses, memberPath, $"Group '{group.Id}' of cause '{cause.Id}' names rule '{member.RuleId}' of cause '{owner}'; a group holds rules of one cause only.");
            }
            else if (!groupOfRule.TryAdd(member.RuleId, group.Id))
            {
                Add(
                    ErrorCodes.RuleInTwoGroups,
                    memberPath,
                    groupOfRule[member.RuleId] == group.Id
                        ? $"Rule '{member.RuleId}' is listed twice in group '{group.Id}'."
                        : $"Rule '{member.RuleId}' is already in group '{groupOfRule[member.RuleId]}'; a rule belongs to at most one group.");
            }
        }
    }

    // Two rules may share a finding when each only acts when met (LR- = 1) and they cannot both be met:
    // the outcomes of a test cluster ("both positive" and "both negative") are the usual example.
    private static bool MutuallyExclusiveOneSided(RuleDraft a, Dictionary<string, FindingState>? left, RuleDraft b, Dictionary<string, FindingState>? right)
    {
        if (a.IsGraded || b.IsGraded || a.Negative != 1 || b.Negative != 1 || left is null || right is null)
        {
            return false;
        }

        return left.Any(pair => right.TryGetValue(pair.Key, out var state) && state != pair.Value);
    }

    /// <summary>The state each finding must have for the rule to be met, when its criterion is one finding or all of several findings; else (and for a graded rule) null.</summary>
    private static Dictionary<string, FindingState>? RequiredStates(RuleDraft rule)
    {
        var parts = rule.Criterion switch
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

    private void RedFlagOf(RedFlagDraft flag, int flagIndex, HashSet<string> flagIds, HashSet<string> flaggedCauses)
    {
        var path = PathOf(flag, "$.redFlags", flagIndex);
        NamedItem(flag, flag.Id, path, flagIds, "Red flag");
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
        else if (WithinLimits(flag.Criterion, path + ".criterion"))
        {
            CriterionOf(flag.Criterion, path + ".criterion");
        }

        Count(flag.SuspectedCauseIds.Count, path + ".suspects", $"Red flag '{flag.Id}' names {{0}} suspected causes");

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

        if (flag.AskWhen is { } context)
        {
            CriterionOf(context, path + ".askWhen");
        }

        OneSexFindingsReadBy(flag, flag.Criterion, path + ".criterion");
        OneSexFindingsReadBy(flag, flag.AskWhen, path + ".askWhen");

        var read = flag.ScreeningFindingIds.Count == 0 ? [] : ReadSafely(flag.Criterion);
        for (var i = 0; i < flag.ScreeningFindingIds.Count; i++)
        {
            if (!read.Contains(flag.ScreeningFindingIds[i]))
            {
                Add(
                    ErrorCodes.ScreeningFindingNotInCriterion,
                    $"{path}.screen[{i}]",
                    $"Red flag '{flag.Id}' screens finding '{flag.ScreeningFindingIds[i]}', which its criterion does not read; screen only findings that can fire or rule out the red flag.");
            }
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

    /// <summary>
    /// A gate must be decidable for every patient, and a one-sex finding is never asked of a patient of the other sex
    /// (<see cref="Finding.Sex"/>), so a gate's criterion and context read none (<see cref="ErrorCodes.RedFlagReadsOneSexFinding"/>).
    /// </summary>
    private void OneSexFindingsReadBy(RedFlagDraft flag, Criterion? criterion, string path)
    {
        if (oneSexFindings.Count == 0)
        {
            return;
        }

        foreach (var findingId in ReadSafely(criterion).Order(StringComparer.Ordinal))
        {
            if (oneSexFindings.TryGetValue(findingId, out var sex))
            {
                Add(
                    ErrorCodes.RedFlagReadsOneSexFinding,
                    path,
                    $"Red flag '{flag.Id}' reads finding '{findingId}', which can be present only in a {SexNames.Of(sex)} patient; a gate must be decidable for every patient and a one-sex finding is never asked of the other sex, so read a finding anyone can have, with Criterion.SexIs(...) for the sex.");
            }
        }
    }

    /// <summary>The findings a criterion reads; none when it is too deep to walk (reported as HPK018 elsewhere).</summary>
    private static HashSet<string> ReadSafely(Criterion? criterion)
    {
        try
        {
            return criterion?.FindingIds().ToHashSet(StringComparer.Ordinal) ?? [];
        }
        catch (InvalidOperationException)
        {
            return [];
        }
    }

    /// <summary>Checks a criterion within the limits, part by part; the recursion is at most <see cref="KnowledgeBaseLimits.MaximumCriterionDepth"/> deep.</summary>
    private void CriterionOf(Criterion criterion, string path)
    {
        work++;
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

                // Named as KnowledgeBaseJson.Write names the list; a reader renames it to the form its document used.
                var list = count.Minimum == count.Parts.Length ? ".allOf" : count.Minimum == 1 ? ".anyOf" : ".of";
                for (var i = 0; i < count.Parts.Length; i++)
                {
                    CriterionOf(count.Parts[i], Item(path + list, i));
                }

                break;
            case AgeCriterion age:
                if ((age.Minimum is null && age.Maximum is null)
                    || age.Minimum is < 0 or > PatientCase.MaximumAge
                    || age.Maximum is < 0 or > PatientCase.MaximumAge
                    || age.Minimum > age.Maximum)
                {
                    Add(ErrorCodes.InvalidCriterion, path, $"Age band {age.Minimum}..{age.Maximum} must have at least one bound, bounds within 0..{PatientCase.MaximumAge}, and minimum <= maximum.");
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

    /// <summary>Checks a named item's head, in this order: its id (<see cref="UniqueId"/>), then its name (<see cref="Text"/>).</summary>
    private void NamedItem(NamedDraft item, string id, string path, HashSet<string> seen, string kind)
    {
        UniqueId(id, path, seen, kind);
        Text(item.Name, path + ".name");
    }

    /// <summary>Checks an item's id (<see cref="Id"/>) and that no earlier item of its kind has it (HPK001 at the item's path).</summary>
    private void UniqueId(string? id, string path, HashSet<string> seen, string kind)
    {
        if (Id(id, path + ".id") && !seen.Add(id!))
        {
            Add(ErrorCodes.DuplicateId, path, $"{kind} id '{id}' is used more than once.");
        }
    }

    private bool Id(string? id, string path)
    {
        if (!ItemIds.IsValid(id))
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

    /// <summary>Where an item's problems are reported: the path its document gave it, else its place in the builder's list (<see cref="Item"/>).</summary>
    private static string PathOf(WordedDraft item, string listPath, int index) => item.SourcePath ?? Item(listPath, index);

    /// <summary>The path of the item at <paramref name="index"/> of the list at <paramref name="listPath"/>: <c>$.causes[3]</c>.</summary>
    private static string Item(string listPath, int index) => string.Create(CultureInfo.InvariantCulture, $"{listPath}[{index}]");

    private void Add(string code, string path, string message) => problems.Add(new ValidationProblem(code, path, message));

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
