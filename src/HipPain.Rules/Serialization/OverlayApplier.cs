using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization.Documents;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Serialization;

/// <summary>
/// Applies an overlay document to a knowledge base: copies the base into a builder, applies the changes in a
/// fixed order (disable rules, override rules, disable and override groups, priors, finding numbers, additions,
/// display text),
/// reports every conflict and
/// then validates the result, with overlay items reported at their JSON paths.
/// </summary>
internal sealed class OverlayApplier
{
    private readonly OverlayDocument overlay;
    private readonly KnowledgeBase knowledgeBase;
    private readonly DocumentMapper mapper = new();
    private readonly KnowledgeBaseBuilder builder;
    private readonly Dictionary<string, CauseDraft> causes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (CauseDraft Cause, RuleDraft Rule)> baseRules = new(StringComparer.Ordinal);
    private readonly HashSet<string> changedRules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (CauseDraft Cause, GroupDraft Group)> baseGroups = new(StringComparer.Ordinal);
    private readonly HashSet<string> changedGroups = new(StringComparer.Ordinal);

    // Lookups by id of the base's items, so that each change costs the same however large the base is.
    private readonly Dictionary<string, FindingDraft> baseFindings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TreatmentDraft> baseTreatments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RedFlagDraft> baseRedFlags = new(StringComparer.Ordinal);

    // Disabled and overridden rules, applied to the causes' lists in one pass after all of them are known.
    private readonly HashSet<RuleDraft> disabled = [];
    private readonly Dictionary<RuleDraft, RuleDraft> overridden = [];
    private readonly HashSet<string> disabledIds = new(StringComparer.Ordinal);

    private OverlayApplier(OverlayDocument overlay, KnowledgeBase knowledgeBase)
    {
        this.overlay = overlay;
        this.knowledgeBase = knowledgeBase;
        builder = knowledgeBase.ToBuilder();
        builder.FromDocument(knowledgeBase.DerivedFrom.Add(knowledgeBase.Stamp));

        // An item of the base keeps the path it has in the base's JSON form (KnowledgeBaseJson.Write), so that a
        // problem the overlay causes there (a group disabled, two rules left reading one finding) points at it there;
        // the overlay's own items carry the overlay's paths.
        for (var c = 0; c < builder.Causes.Count; c++)
        {
            var cause = builder.Causes[c];
            cause.SourcePath = DocumentMapper.Index("$.causes", c);
            causes[cause.Id] = cause;
            for (var r = 0; r < cause.Rules.Count; r++)
            {
                var rule = cause.Rules[r];
                rule.SourcePath = DocumentMapper.Index(cause.SourcePath + ".rules", r);
                baseRules[rule.Id] = (cause, rule);
            }

            for (var g = 0; g < cause.Groups.Count; g++)
            {
                var group = cause.Groups[g];
                group.SourcePath = DocumentMapper.Index(cause.SourcePath + ".groups", g);
                baseGroups[group.Id] = (cause, group);
            }
        }

        for (var f = 0; f < builder.Findings.Count; f++)
        {
            builder.Findings[f].SourcePath = DocumentMapper.Index("$.findings", f);
            baseFindings[builder.Findings[f].Id] = builder.Findings[f];
        }

        for (var t = 0; t < builder.Treatments.Count; t++)
        {
            builder.Treatments[t].SourcePath = DocumentMapper.Index("$.treatments", t);
            baseTreatments[builder.Treatments[t].Id] = builder.Treatments[t];
        }

        for (var r = 0; r < builder.RedFlags.Count; r++)
        {
            builder.RedFlags[r].SourcePath = DocumentMapper.Index("$.redFlags", r);
            baseRedFlags[builder.RedFlags[r].Id] = builder.RedFlags[r];
        }
    }

    public static List<ValidationProblem> Apply(OverlayDocument overlay, KnowledgeBase knowledgeBase, out KnowledgeBaseBuilder builder)
    {
        var applier = new OverlayApplier(overlay, knowledgeBase);
        applier.Run();
        builder = applier.builder;
        return applier.mapper.Merge(applier.builder.Validate());
    }

    private void Run()
    {
        builder.SetIdentity(overlay.Id ?? string.Empty, overlay.Version ?? string.Empty, overlay.Title ?? knowledgeBase.Title);
        if (overlay.AppliesTo is { } target)
        {
            if (target.Id is not null && target.Id != knowledgeBase.Id)
            {
                mapper.Add(ErrorCodes.OverlayBaseMismatch, "$.appliesTo.id", $"The overlay applies to knowledge base '{target.Id}', not '{knowledgeBase.Id}'.");
            }

            if (target.Version is not null && target.Version != knowledgeBase.Version)
            {
                mapper.Add(ErrorCodes.OverlayBaseMismatch, "$.appliesTo.version", $"The overlay applies to version '{target.Version}' of '{knowledgeBase.Id}', not to version '{knowledgeBase.Version}'.");
            }
        }

        Each(overlay.DisableRules, "$.disableRules", DisableRule);
        Each(overlay.OverrideRules, "$.overrideRules", OverrideRule);
        foreach (var cause in causes.Values)
        {
            if (cause.Rules.Exists(r => disabled.Contains(r) || overridden.ContainsKey(r)))
            {
                var rules = cause.Rules.Where(r => !disabled.Contains(r)).Select(r => overridden.GetValueOrDefault(r, r)).ToList();
                cause.Rules.Clear();
                cause.Rules.AddRange(rules);
            }

            // A disabled rule leaves its group.
            foreach (var group in cause.Groups)
            {
                group.Members.RemoveAll(m => disabledIds.Contains(m.RuleId));
            }
        }

        Each(overlay.DisableGroups, "$.disableGroups", DisableGroup);
        Each(overlay.OverrideGroups, "$.overrideGroups", OverrideGroup);
        RemoveEmptiedGroups();
        var priors = new HashSet<string>(StringComparer.Ordinal);
        Each(overlay.Priors, "$.priors", (change, path) => Prior(change, path, priors));
        var numbered = new HashSet<string>(StringComparer.Ordinal);
        Each(overlay.FindingNumbers, "$.findingNumbers", (change, path) => FindingNumbers(change, path, numbered));
        Each(overlay.AddFindings, "$.addFindings", (document, path) =>
            AddNew(builder.Add, baseFindings.ContainsKey(document.Id ?? string.Empty), mapper.Finding(document, path), "finding", path));
        Each(overlay.AddTreatments, "$.addTreatments", (document, path) =>
            AddNew(builder.Add, baseTreatments.ContainsKey(document.Id ?? string.Empty), mapper.Treatment(document, path), "treatment", path));
        Each(overlay.AddCauses, "$.addCauses", (document, path) =>
        {
            var exists = knowledgeBase.TryGetCause(document.Id ?? string.Empty, out _);
            var draft = mapper.Cause(document, path);
            if (AddNew(builder.Add, exists, draft, "cause", path))
            {
                causes.TryAdd(draft.Id, draft);
            }
        });
        Each(overlay.AddRules, "$.addRules", AddRule);
        Each(overlay.AddGroups, "$.addGroups", AddGroup);
        Each(overlay.AddRecommendations, "$.addRecommendations", AddRecommendation);
        Each(overlay.AddRedFlags, "$.addRedFlags", (document, path) =>
            AddNew(builder.Add, baseRedFlags.ContainsKey(document.Id ?? string.Empty), mapper.RedFlag(document, path), "red flag", path));
        Texts();
    }

    /// <summary>
    /// Claims the base rule or group that a disable names, or reports why it cannot: the base has no such item, or
    /// it is already disabled or overridden.
    /// </summary>
    private bool TryClaimDisabled<T>(string? id, Dictionary<string, (CauseDraft Cause, T Item)> items, HashSet<string> changed, (string Lower, string Capital) kind, string path, out (CauseDraft Cause, T Item) entry)
    {
        if (!items.TryGetValue(id ?? string.Empty, out entry))
        {
            mapper.Add(ErrorCodes.OverlayTargetNotFound, path, $"The base has no {kind.Lower} '{id}' to disable.");
            return false;
        }

        if (!changed.Add(id!))
        {
            mapper.Add(ErrorCodes.OverlayConflict, path, $"{kind.Capital} '{id}' is disabled or overridden more than once.");
            return false;
        }

        return true;
    }

    /// <summary>
    /// Claims the base rule or group that an override names, or reports why it cannot: no id, no such item in the
    /// base, an item already disabled or overridden, or a cause other than the item's own.
    /// </summary>
    private bool TryClaimOverridden<T>(string? id, string? causeId, Dictionary<string, (CauseDraft Cause, T Item)> items, HashSet<string> changed, (string Lower, string Capital) kind, string addList, string path, out (CauseDraft Cause, T Item) entry)
    {
        entry = default;
        if (id is null)
        {
            mapper.Add(ErrorCodes.JsonMissingProperty, path + ".id", $"An overridden {kind.Lower} names the base {kind.Lower} it replaces in \"id\".");
            return false;
        }

        if (!items.TryGetValue(id, out entry))
        {
            mapper.Add(ErrorCodes.OverlayTargetNotFound, path + ".id", $"The base has no {kind.Lower} '{id}' to override; add it with {addList} instead.");
            return false;
        }

        if (!changed.Add(id))
        {
            mapper.Add(ErrorCodes.OverlayConflict, path + ".id", $"{kind.Capital} '{id}' is disabled or overridden more than once.");
            return false;
        }

        if (causeId is not null && causeId != entry.Cause.Id)
        {
            mapper.Add(ErrorCodes.OverlayConflict, path + ".cause", $"{kind.Capital} '{id}' belongs to cause '{entry.Cause.Id}', not '{causeId}'; an override cannot move a {kind.Lower}.");
            return false;
        }

        return true;
    }

    private void DisableRule(string? ruleId, string path)
    {
        if (TryClaimDisabled(ruleId, baseRules, changedRules, ("rule", "Rule"), path, out var entry))
        {
            disabled.Add(entry.Item);
            disabledIds.Add(entry.Item.Id);
        }
    }

    private void OverrideRule(OverlayRuleDocument document, string path)
    {
        if (!TryClaimOverridden(document.Id, document.Cause, baseRules, changedRules, ("rule", "Rule"), "addRules", path, out var entry))
        {
            return;
        }

        if (document.Graded is not null)
        {
            if (OverriddenGradedRule(document, entry.Item, path) is { } graded)
            {
                overridden[entry.Item] = graded;
            }

            return;
        }

        Criterion? criterion;
        if (document.Criterion is not null)
        {
            criterion = mapper.Criterion(document.Criterion, path + ".criterion");
        }
        else if (entry.Item.Criterion is null)
        {
            mapper.Add(ErrorCodes.JsonMissingProperty, path + ".criterion", $"Rule '{document.Id}' is a graded rule; to make it a criterion rule give its criterion, or give graded to change its table.");
            criterion = null;
        }
        else
        {
            criterion = entry.Item.Criterion;
        }

        double? positive = null, negative = null;
        if (document.Ratio is null)
        {
            mapper.Add(ErrorCodes.JsonMissingProperty, path + ".ratio", "An overridden rule gives its new ratio: { \"positive\": LR+, \"negative\": LR- }, or its new graded table in graded.");
        }
        else
        {
            positive = mapper.RequiredNumber(document.Ratio.Positive, path + ".ratio.positive");
            negative = mapper.RequiredNumber(document.Ratio.Negative, path + ".ratio.negative");
        }

        var evidence = mapper.Evidence(document.Evidence, path + ".evidence");
        if (criterion is null || positive is null || negative is null)
        {
            return;
        }

        overridden[entry.Item] = new RuleDraft(document.Id!, criterion, positive.Value, negative.Value, evidence!, document.Get("description") ?? entry.Item.Description)
        {
            SourcePath = path,
        };
    }

    /// <summary>A graded rule replacing a base rule: the new ratios, and the new parts or the base rule's.</summary>
    private RuleDraft? OverriddenGradedRule(RuleDocument document, RuleDraft baseRule, string path)
    {
        if (document.Criterion is not null || document.Ratio is not null)
        {
            mapper.Add(ErrorCodes.InvalidGradedRule, path, "A rule has either criterion and ratio (a criterion rule) or graded (a graded rule), not both.");
            return null;
        }

        var graded = document.Graded!;
        if (graded.Parts is null && baseRule.Parts is null)
        {
            mapper.Add(ErrorCodes.JsonMissingProperty, path + ".graded.parts", $"Rule '{document.Id}' is a criterion rule; to make it a graded rule give the parts it counts.");
            return null;
        }

        var replacementGraded = new GradedDocument { Parts = graded.Parts ?? [], Ratios = graded.Ratios };
        var replacement = WordedDocument.With(
            new RuleDocument { Id = document.Id, Graded = replacementGraded, Evidence = document.Evidence },
            ("description", document.Get("description") ?? baseRule.Description));
        if (mapper.GradedRule(replacement, replacementGraded, path) is not { } draft)
        {
            return null;
        }

        if (graded.Parts is null)
        {
            draft.Parts!.AddRange(baseRule.Parts!);
        }

        return draft;
    }

    private void DisableGroup(string? groupId, string path)
    {
        if (TryClaimDisabled(groupId, baseGroups, changedGroups, ("group", "Group"), path, out var entry))
        {
            entry.Cause.Groups.Remove(entry.Item);
        }
    }

    private void OverrideGroup(OverlayGroupDocument document, string path)
    {
        if (!TryClaimOverridden(document.Id, document.Cause, baseGroups, changedGroups, ("group", "Group"), "addGroups", path, out var entry))
        {
            return;
        }

        var replacement = mapper.Group(WordedDocument.With(new GroupDocument { Id = document.Id, Members = document.Members }, ("name", document.Get("name") ?? entry.Item.Name)), path);
        entry.Cause.Groups[entry.Cause.Groups.IndexOf(entry.Item)] = replacement;
    }

    /// <summary>Removes the base groups that disabled rules left without a member; an overlay's own empty group is reported instead (HPK024).</summary>
    private void RemoveEmptiedGroups()
    {
        foreach (var (cause, group) in baseGroups.Values)
        {
            if (group.Members.Count == 0)
            {
                cause.Groups.Remove(group);
            }
        }
    }

    /// <summary>
    /// The cause an added rule or group belongs to, or null after reporting why there is none: no cause named, an
    /// unknown cause, or an id the base already uses for an item of that kind.
    /// </summary>
    private CauseDraft? CauseOfAddition<T>(string? causeId, string? id, Dictionary<string, (CauseDraft Cause, T Item)> baseItems, (string Lower, string Capital) kind, string overrideList, string path)
    {
        if (causeId is null)
        {
            mapper.Add(ErrorCodes.JsonMissingProperty, path + ".cause", $"An added {kind.Lower} names its cause in \"cause\".");
            return null;
        }

        if (!causes.TryGetValue(causeId, out var cause))
        {
            mapper.Add(ErrorCodes.UnknownCause, path + ".cause", $"{kind.Capital} '{id}' names unknown cause '{causeId}'.");
            return null;
        }

        if (id is not null && baseItems.ContainsKey(id))
        {
            mapper.Add(ErrorCodes.OverlayIdExists, path + ".id", $"The base already has a {kind.Lower} '{id}'; use {overrideList} to change it.");
            return null;
        }

        return cause;
    }

    private void AddGroup(OverlayGroupDocument document, string path)
    {
        if (CauseOfAddition(document.Cause, document.Id, baseGroups, ("group", "Group"), "overrideGroups", path) is not { } cause)
        {
            return;
        }

        cause.Groups.Add(mapper.Group(document, path));
    }

    private void Prior(PriorChangeDocument change, string path, HashSet<string> seen)
    {
        if (change.Cause is null)
        {
            mapper.Add(ErrorCodes.JsonMissingProperty, path + ".cause", "A prior change names its cause in \"cause\".");
            return;
        }

        if (!causes.TryGetValue(change.Cause, out var cause) || !knowledgeBase.TryGetCause(change.Cause, out _))
        {
            mapper.Add(ErrorCodes.OverlayTargetNotFound, path + ".cause", $"The base has no cause '{change.Cause}' whose prior could change; a cause the overlay adds carries its own prior.");
            return;
        }

        if (!seen.Add(change.Cause))
        {
            mapper.Add(ErrorCodes.OverlayConflict, path + ".cause", $"The prior of cause '{change.Cause}' is changed more than once.");
            return;
        }

        var ok = true;
        if (change.Prior is not double prior)
        {
            mapper.Add(ErrorCodes.JsonMissingProperty, path + ".prior", "A prior change gives the new probability in \"prior\".");
            ok = false;
        }
        else if (!(prior > 0 && prior < 1))
        {
            mapper.Add(ErrorCodes.PriorOutOfRange, path + ".prior", FormattableString.Invariant($"Prior {prior:R} of cause '{change.Cause}' is outside the open interval (0, 1)."));
            ok = false;
        }

        var evidence = mapper.Evidence(change.PriorEvidence, path + ".priorEvidence");
        if (evidence is null || string.IsNullOrWhiteSpace(evidence.Citation))
        {
            mapper.Add(ErrorCodes.MissingCitation, path + ".priorEvidence.citation", "A changed prior needs its source: the clinic's audit or the study of its population.");
            ok = false;
        }

        if (ok)
        {
            cause.Prior = change.Prior;
            cause.PriorEvidence = evidence;
        }
    }

    /// <summary>
    /// Sets the numbers a change gives on a finding of the base (<c>findingNumbers</c>), or reports why it cannot: no id,
    /// no such finding in the base (a finding the overlay adds gives its numbers itself), the finding changed twice, no
    /// number given, or a number outside its declared range (HPK025 at the change's own path, with the validator's
    /// message). A number left out keeps the base's value; nothing is set from a change with a problem.
    /// </summary>
    private void FindingNumbers(FindingNumbersDocument change, string path, HashSet<string> seen)
    {
        if (change.Id is null)
        {
            mapper.Add(ErrorCodes.JsonMissingProperty, path + ".id", "A number change names the finding in \"id\".");
            return;
        }

        if (!baseFindings.TryGetValue(change.Id, out var finding))
        {
            mapper.Add(ErrorCodes.OverlayTargetNotFound, path + ".id", $"The base has no finding '{change.Id}' whose numbers could change; a finding the overlay adds gives its numbers in addFindings.");
            return;
        }

        if (!seen.Add(change.Id))
        {
            mapper.Add(ErrorCodes.OverlayConflict, path + ".id", $"The numbers of finding '{change.Id}' are changed more than once.");
            return;
        }

        var numbers = ((ICodedDocument)change).Numbers;
        var given = Finding.Numbers.Where(n => numbers[n.Name] is not null).ToList();
        if (given.Count == 0)
        {
            mapper.Add(ErrorCodes.JsonMissingProperty, path, $"A number change gives at least one number: {string.Join(", ", Finding.Numbers.Select(n => n.Name))}.");
            return;
        }

        var ok = true;
        foreach (var number in given)
        {
            if (number.Refusal(numbers[number.Name]!.Value, $"finding '{change.Id}'") is { } refusal)
            {
                mapper.Add(ErrorCodes.ValueOutOfRange, path + "." + number.Name, refusal);
                ok = false;
            }
        }

        if (ok)
        {
            foreach (var number in given)
            {
                finding.Numbers[number.Name] = numbers[number.Name];
            }
        }
    }

    /// <summary>
    /// Adds an item unless the base has one with its id (HPK050). An id this overlay adds twice is added twice: the
    /// validator reports that duplicate (HPK001) at the second item's path.
    /// </summary>
    private bool AddNew<T>(Action<T> add, bool existsInBase, T draft, string kind, string path)
    {
        if (existsInBase)
        {
            var id = draft switch
            {
                FindingDraft f => f.Id,
                TreatmentDraft t => t.Id,
                CauseDraft c => c.Id,
                RedFlagDraft r => r.Id,
                _ => string.Empty,
            };
            mapper.Add(ErrorCodes.OverlayIdExists, path + ".id", $"The base already has a {kind} '{id}'; change it instead of adding it again.");
            return false;
        }

        add(draft);
        return true;
    }

    private void AddRule(OverlayRuleDocument document, string path)
    {
        if (CauseOfAddition(document.Cause, document.Id, baseRules, ("rule", "Rule"), "overrideRules", path) is not { } cause)
        {
            return;
        }

        if (mapper.Rule(document, path) is { } rule)
        {
            cause.Rules.Add(rule);
        }
    }

    private void AddRecommendation(OverlayRecommendationDocument document, string path)
    {
        if (document.Cause is null)
        {
            mapper.Add(ErrorCodes.JsonMissingProperty, path + ".cause", "An added recommendation names its cause in \"cause\".");
            return;
        }

        if (!causes.TryGetValue(document.Cause, out var cause))
        {
            mapper.Add(ErrorCodes.UnknownCause, path + ".cause", $"The recommendation names unknown cause '{document.Cause}'.");
            return;
        }

        cause.Recommendations.Add(mapper.Recommendation(document, path));
    }

    private void Texts()
    {
        Text(overlay.CauseText, "$.causeText", Cause.Wording, id => causes.GetValueOrDefault(id) is { } c && knowledgeBase.TryGetCause(id, out _) ? c.Wording : null);
        Text(overlay.FindingText, "$.findingText", Finding.Wording, id => baseFindings.GetValueOrDefault(id)?.Wording);
        Text(overlay.TreatmentText, "$.treatmentText", Treatment.Wording, id => baseTreatments.GetValueOrDefault(id)?.Wording);
        Text(overlay.RedFlagText, "$.redFlagText", RedFlag.Wording, id => baseRedFlags.GetValueOrDefault(id)?.Wording);
    }

    /// <summary>
    /// Applies one list of text changes to the base's items of one kind: each change names a base item once, gives
    /// no blank text, and only the fields the kind's wording marks rewordable.
    /// </summary>
    private void Text(List<TextChangeDocument>? changes, string listPath, WordingKind kind, Func<string, NamedTexts?> find)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Each(changes, listPath, (change, path) =>
        {
            if (change.Id is null)
            {
                mapper.Add(ErrorCodes.JsonMissingProperty, path + ".id", $"A text change names the {kind.Noun} in \"id\".");
                return;
            }

            if (find(change.Id) is not { } wording)
            {
                mapper.Add(ErrorCodes.OverlayTargetNotFound, path + ".id", $"The base has no {kind.Noun} '{change.Id}' whose text could change.");
                return;
            }

            if (!seen.Add(change.Id))
            {
                mapper.Add(ErrorCodes.OverlayConflict, path + ".id", $"The text of {kind.Noun} '{change.Id}' is changed more than once.");
                return;
            }

            var before = mapper.Problems.Count;
            foreach (var field in TextChangeDocument.Fields)
            {
                if (change.Get(field) is { } value && string.IsNullOrWhiteSpace(value))
                {
                    mapper.Add(ErrorCodes.InvalidText, $"{path}.{field}", "The text is blank; leave the property out to keep the base's text.");
                }
            }

            if (mapper.Problems.Count != before)
            {
                return;
            }

            var allowed = string.Join(", ", kind.Rewordable[..^1]) + " or " + kind.Rewordable[^1];
            foreach (var field in TextChangeDocument.Fields)
            {
                if (change.Get(field) is not { } text)
                {
                    continue;
                }

                if (kind.Rewordable.Contains(field))
                {
                    wording[field] = text;
                }
                else
                {
                    mapper.Add(ErrorCodes.OverlayTargetNotFound, $"{path}.{field}", $"A {kind.Noun} has no {Words(field)}; give {allowed}.");
                }
            }
        });
    }

    /// <summary>A field's name in words: <c>patientQuestion</c> is "patient question".</summary>
    private static string Words(string field) =>
        string.Concat(field.Select(c => char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    private void Each<T>(List<T>? items, string path, Action<T, string> action) => mapper.Each(items, path, action);
}
