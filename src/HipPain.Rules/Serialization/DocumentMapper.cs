using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization.Documents;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Serialization;

/// <summary>
/// Maps JSON documents to the builder's drafts, each draft carrying its JSON path, and collects the problems
/// only JSON can have (unknown enumeration names, missing properties, malformed criteria). Everything else is
/// left to the knowledge-base validator, which reports at the drafts' JSON paths.
/// </summary>
internal sealed class DocumentMapper
{
    private static readonly char[] PathSeparators = ['.', '['];
    private static readonly string[] CriterionLists = [".allOf[", ".anyOf[", ".of["];

    private readonly List<ValidationProblem> problems = [];
    private readonly Dictionary<string, CriterionDocument> criteria = new(StringComparer.Ordinal);

    public IReadOnlyList<ValidationProblem> Problems => problems;

    public void Add(string code, string path, string message) => problems.Add(new ValidationProblem(code, path, message));

    /// <summary>Calls <paramref name="action"/> for every item with its path; a null item is reported (HPJ005) and skipped.</summary>
    public void Each<T>(List<T>? items, string path, Action<T, string> action)
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var itemPath = Index(path, i);
            if (items![i] is null)
            {
                Add(ErrorCodes.JsonMissingProperty, itemPath, "The item is null; remove it or give a value.");
                continue;
            }

            action(items[i], itemPath);
        }
    }

    public FindingDraft Finding(FindingDocument document, string path)
    {
        var draft = Worded(document, new FindingDraft(
            document.Id ?? string.Empty,
            document.Get("name") ?? string.Empty,
            document.Get("question"),
            document.Get("patientQuestion"))
        {
            SourcePath = path,
        });
        Choices(document, ref draft.Choices, path);
        foreach (var (name, value) in ((ICodedDocument)document).Numbers.Values)
        {
            draft.Numbers[name] = value;
        }

        return draft;
    }

    public TreatmentDraft Treatment(TreatmentDocument document, string path)
    {
        var draft = Worded(document, new TreatmentDraft(
            document.Id ?? string.Empty,
            document.Get("name") ?? string.Empty,
            Evidence(document.Evidence, path + ".evidence")!,
            document.Get("description"))
        {
            SourcePath = path,
        });
        Choices(document, ref draft.Choices, path);
        return draft;
    }

    public CauseDraft Cause(CauseDocument document, string path)
    {
        var draft = Worded(document, new CauseDraft(document.Id ?? string.Empty, document.Get("name") ?? string.Empty)
        {
            SourcePath = path,
            Prior = document.Prior,
            PriorEvidence = document.Prior is null ? null : Evidence(document.PriorEvidence, path + ".priorEvidence"),
        });
        Choices(document, ref draft.Choices, path);
        draft.RunningAdvice = Running(document.Running, path + ".running");
        foreach (var (name, value) in ((ICodedDocument)document).Codes.Texts)
        {
            draft.Codes[name] = value;
        }

        foreach (var (name, value) in ((ICodedDocument)document).Numbers.Values)
        {
            draft.Numbers[name] = value;
        }

        Each(document.Rules, path + ".rules", (rule, rulePath) =>
        {
            if (Rule(rule, rulePath) is { } draftRule)
            {
                draft.Rules.Add(draftRule);
            }
        });
        Each(document.Groups, path + ".groups", (group, groupPath) => draft.Groups.Add(Group(group, groupPath)));
        Each(document.Recommendations, path + ".recommendations", (recommendation, recommendationPath) =>
            draft.Recommendations.Add(Recommendation(recommendation, recommendationPath)));

        return draft;
    }

    /// <summary>
    /// Copies every wording field the document gives into the draft, by field name (Model/Wording.cs), so that a new
    /// wording field needs only its document property; the typed arguments above give the defaults of required text.
    /// </summary>
    private static T Worded<T>(WordedDocument document, T draft)
        where T : WordedDraft
    {
        foreach (var (field, text) in document.Texts())
        {
            draft.Wording[field] = text;
        }

        return draft;
    }

    public RecommendationDraft Recommendation(RecommendationDocument document, string path)
    {
        var draft = new RecommendationDraft(
            document.TreatmentId ?? string.Empty,
            document.Note,
            document.Evidence is null ? null : Evidence(document.Evidence, path + ".evidence"))
        {
            SourcePath = path,
        };
        Choices(document, ref draft.Choices, path);
        return draft;
    }

    /// <summary>A rule draft, or null when its criterion, ratio or graded table is unusable (the problem is reported).</summary>
    public RuleDraft? Rule(RuleDocument document, string path)
    {
        if (document.Graded is { } graded)
        {
            if (document.Criterion is not null || document.Ratio is not null)
            {
                Add(ErrorCodes.InvalidGradedRule, path, "A rule has either criterion and ratio (a criterion rule) or graded (a graded rule), not both.");
                return null;
            }

            return GradedRule(document, graded, path);
        }

        var criterion = Criterion(document.Criterion, path + ".criterion");
        double? positive = null, negative = null;
        if (document.Ratio is null)
        {
            Add(ErrorCodes.JsonMissingProperty, path + ".ratio", "The rule has no ratio; give { \"positive\": LR+, \"negative\": LR- }, or give graded instead of criterion and ratio.");
        }
        else
        {
            positive = RequiredNumber(document.Ratio.Positive, path + ".ratio.positive");
            negative = RequiredNumber(document.Ratio.Negative, path + ".ratio.negative");
        }

        var evidence = Evidence(document.Evidence, path + ".evidence");
        return criterion is null || positive is null || negative is null
            ? null
            : Worded(document, new RuleDraft(document.Id ?? string.Empty, criterion, positive.Value, negative.Value, evidence!, document.Get("description")) { SourcePath = path });
    }

    /// <summary>A graded rule draft, or null when its parts or ratios are missing or a part is unusable (the problem is reported).</summary>
    public RuleDraft? GradedRule(RuleDocument document, GradedDocument graded, string path)
    {
        var parts = new List<Criterion>();
        var usable = true;
        if (graded.Parts is null)
        {
            Add(ErrorCodes.JsonMissingProperty, path + ".graded.parts", "A graded rule lists the criteria it counts in \"parts\".");
            usable = false;
        }
        else
        {
            for (var i = 0; i < graded.Parts.Count; i++)
            {
                if (Criterion(graded.Parts[i], Index(path + ".graded.parts", i)) is { } part)
                {
                    parts.Add(part);
                }
                else
                {
                    usable = false;
                }
            }
        }

        if (graded.Ratios is null)
        {
            Add(ErrorCodes.JsonMissingProperty, path + ".graded.ratios", "A graded rule gives its ratio for each number of parts met, 0 to n, in \"ratios\" (null where the source gives no figure).");
            usable = false;
        }

        var evidence = Evidence(document.Evidence, path + ".evidence");
        return usable
            ? Worded(document, new RuleDraft(document.Id ?? string.Empty, parts, graded.Ratios!, evidence!, document.Get("description")) { SourcePath = path })
            : null;
    }

    public GroupDraft Group(GroupDocument document, string path)
    {
        var draft = Worded(document, new GroupDraft(document.Id ?? string.Empty, document.Get("name") ?? string.Empty) { SourcePath = path });
        if (document.Members is null)
        {
            Add(ErrorCodes.JsonMissingProperty, path + ".members", "A group lists its member rules in \"members\": [ { \"rule\": id, \"joint\": true or false } ].");
        }

        Each(document.Members, path + ".members", (member, memberPath) =>
        {
            if (member.Rule is null)
            {
                Add(ErrorCodes.JsonMissingProperty, memberPath + ".rule", "A group member names its rule in \"rule\".");
                return;
            }

            draft.Members.Add(new GroupMemberDraft(member.Rule, member.Joint ?? false) { SourcePath = memberPath });
        });
        return draft;
    }

    public RedFlagDraft RedFlag(RedFlagDocument document, string path)
    {
        var draft = Worded(document, new RedFlagDraft(document.Id ?? string.Empty, document.Get("name") ?? string.Empty)
        {
            SourcePath = path,
            Criterion = Criterion(document.Criterion, path + ".criterion"),
            Urgency = document.Urgency is null ? null : Required(document.Urgency, path + ".urgency", Model.Urgency.Routine),
            Action = document.Get("action") ?? string.Empty,
            RunningAdvice = Running(document.Running, path + ".running"),
            Evidence = document.Evidence is null ? null : Evidence(document.Evidence, path + ".evidence"),
        });
        for (var i = 0; i < (document.Suspects?.Count ?? 0); i++)
        {
            // A null keeps its place, so that the validator's paths still match the document's indices; the
            // validator's HPK002 at that path gives way to this HPJ005 when the problems are merged.
            if (document.Suspects![i] is null)
            {
                Add(ErrorCodes.JsonMissingProperty, Index(path + ".suspects", i), "The item is null; remove it or give a value.");
            }

            draft.SuspectedCauseIds.Add(document.Suspects[i] ?? string.Empty);
        }

        if (document.AskWhen is not null)
        {
            draft.AskWhen = Criterion(document.AskWhen, path + ".askWhen");
        }

        for (var i = 0; i < (document.Screen?.Count ?? 0); i++)
        {
            if (document.Screen![i] is null)
            {
                Add(ErrorCodes.JsonMissingProperty, Index(path + ".screen", i), "The item is null; remove it or give a finding id.");
            }

            draft.ScreeningFindingIds.Add(document.Screen[i] ?? string.Empty);
        }

        return draft;
    }

    /// <summary>Evidence with an empty citation when none is given, so that the validator reports HPK009 at its path.</summary>
    public Evidence? Evidence(EvidenceDocument? document, string path)
    {
        if (document is null)
        {
            return null;
        }

        return new Evidence(
            document.Citation ?? string.Empty,
            Required(document.Level, path + ".level", EvidenceLevel.ExpertOpinion),
            Required(document.Status, path + ".status", VerificationStatus.Estimated),
            document.Note);
    }

    public Criterion? Criterion(CriterionDocument? document, string path)
    {
        if (document is null)
        {
            Add(ErrorCodes.JsonMissingProperty, path, "The criterion is missing; give one of present, absent, allOf, anyOf, atLeast with of, age or sex.");
            return null;
        }

        criteria.TryAdd(path, document);
        var forms = (document.Present is null ? 0 : 1) + (document.Absent is null ? 0 : 1) + (document.AllOf is null ? 0 : 1)
            + (document.AnyOf is null ? 0 : 1) + (document.AtLeast is null ? 0 : 1) + (document.Age is null ? 0 : 1) + (document.Sex is null ? 0 : 1);
        if (forms != 1 || (document.Of is not null && document.AtLeast is null))
        {
            Add(ErrorCodes.InvalidCriterion, path, "A criterion has exactly one of present, absent, allOf, anyOf, atLeast (with of), age or sex.");
            return null;
        }

        if (document.Present is { } present)
        {
            return Model.Criterion.Present(present);
        }

        if (document.Absent is { } absent)
        {
            return Model.Criterion.Absent(absent);
        }

        if (document.Age is { } age)
        {
            return Model.Criterion.AgeBetween(age.Minimum, age.Maximum);
        }

        if (document.Sex is { } sex)
        {
            return JsonEnum<Sex>.TryParse(sex, out var value) && value != Model.Sex.Unspecified
                ? Model.Criterion.SexIs(value)
                : Unknown<Criterion>(path + ".sex", sex, "female, male");
        }

        int? minimum = document.AtLeast;
        var list = document.Of;
        var name = "of";
        if (document.AllOf is { } all)
        {
            (minimum, list, name) = (null, all, "allOf");
        }
        else if (document.AnyOf is { } any)
        {
            (minimum, list, name) = (1, any, "anyOf");
        }

        if (list is null)
        {
            Add(ErrorCodes.JsonMissingProperty, path + ".of", "atLeast needs the list of criteria it counts, in \"of\".");
            return null;
        }

        var parts = new List<Criterion>();
        for (var i = 0; i < list.Count; i++)
        {
            if (Criterion(list[i], Index($"{path}.{name}", i)) is { } part)
            {
                parts.Add(part);
            }
        }

        if (parts.Count != list.Count)
        {
            return null;
        }

        // Explicit branches rather than `minimum ?? parts.Count`: Stryker.NET 5.1.0 mutates that Count into the method
        // group Sum, a compile error it cannot trace to its mutant, and its safe mode then drops every mutant of
        // Criterion (docs/safety/mutation.md). AllOf(parts) is AtLeast(parts.Length, parts).
        if (minimum.HasValue)
        {
            return Model.Criterion.AtLeast(minimum.Value, [.. parts]);
        }

        return Model.Criterion.AllOf([.. parts]);
    }

    /// <summary>
    /// The knowledge base a builder describes when nothing was <paramref name="found"/> (the builder has been validated
    /// with it), or false with every problem found: the end of reading a base and of applying an overlay alike.
    /// </summary>
    public static bool TryBuild(KnowledgeBaseBuilder builder, List<ValidationProblem> found, [NotNullWhen(true)] out KnowledgeBase? knowledgeBase, out ImmutableArray<ValidationProblem> problems)
    {
        if (found.Count > 0)
        {
            knowledgeBase = null;
            problems = [.. found];
            return false;
        }

        knowledgeBase = builder.Build();
        problems = [];
        return true;
    }

    /// <summary>
    /// Rewrites a validator path inside a criterion the document gave (<c>.criterion.allOf[2]</c>, named as the
    /// writer names it) to the document's own list name (<c>.criterion.of[2]</c> for <c>atLeast</c> 1), and drops validator problems at paths the mapper already reported, or
    /// inside them. Linear in the number of problems and the length of their paths.
    /// </summary>
    public List<ValidationProblem> Merge(IEnumerable<ValidationProblem> validatorProblems)
    {
        var merged = new List<ValidationProblem>(problems);
        var reported = problems.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var problem in validatorProblems)
        {
            var path = JsonPathOf(problem.Path);
            if (IsAtOrInside(path, reported))
            {
                continue;
            }

            merged.Add(path == problem.Path ? problem : new ValidationProblem(problem.Code, path, problem.Message, problem.Severity));
        }

        return merged;
    }

    /// <summary>True when the path or one of its ancestors (the path cut before a <c>.</c> or <c>[</c>) is in the set.</summary>
    private static bool IsAtOrInside(string path, HashSet<string> reported)
    {
        for (var end = path.Length; end > 0 && reported.Count > 0; end = path.LastIndexOfAny(PathSeparators, end - 1))
        {
            if (reported.Contains(path[..end]))
            {
                return true;
            }
        }

        return false;
    }

    private string JsonPathOf(string path)
    {
        // The validator names a criterion's list of parts as KnowledgeBaseJson.Write would (allOf, anyOf, or atLeast's
        // of); the document may have used another form for the same criterion (atLeast 1 with of, anyOf with one part),
        // so from the first list after a criterion the document gave, each list is renamed to the document's own.
        CriterionDocument? current = null;
        var first = path.IndexOf('.', StringComparison.Ordinal);
        while (first >= 0 && !(ListAt(path, first) is not null && criteria.TryGetValue(path[..first], out current)))
        {
            first = path.IndexOf('.', first + 1);
        }

        if (first < 0 || current is null)
        {
            return path;
        }

        var result = path[..first];
        var rest = path[first..];
        while (ListAt(rest, 0) is { } token)
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            var index = int.Parse(rest[token.Length..close], CultureInfo.InvariantCulture);
            var name = current.AllOf is not null ? "allOf" : current.AnyOf is not null ? "anyOf" : "of";
            var list = current.AllOf ?? current.AnyOf ?? current.Of;
            result = Index($"{result}.{name}", index);
            rest = rest[(close + 1)..];
            if (list is null || index >= list.Count)
            {
                break;
            }

            current = list[index];
        }

        return result + rest;
    }

    /// <summary>The list token (<c>.allOf[</c>, <c>.anyOf[</c> or <c>.of[</c>) at <paramref name="at"/>, or null.</summary>
    private static string? ListAt(string path, int at)
    {
        foreach (var token in CriterionLists)
        {
            if (string.CompareOrdinal(path, at, token, 0, token.Length) == 0)
            {
                return token;
            }
        }

        return null;
    }

    public T Required<T>(string? text, string path, T fallback)
        where T : struct, Enum
    {
        if (text is null)
        {
            Add(ErrorCodes.JsonMissingProperty, path, $"The property is required; allowed: {JsonEnum<T>.Allowed}.");
            return fallback;
        }

        return Optional(text, path, fallback);
    }

    /// <summary>
    /// Reads each enumerated field a document gives (<see cref="ClinicalChoice{T}"/>) into the draft's store, which holds
    /// each field's default until then: a name that is not one of the field's allowed values is reported at the field's
    /// path, with the allowed names (<see cref="ErrorCodes.JsonUnknownValue"/>), and a required field left out is
    /// reported there too (<see cref="ErrorCodes.JsonMissingProperty"/>); either leaves the default. A loop by index
    /// over the declaration's cached names, so that a field allocates nothing unless it is reported.
    /// </summary>
    private void Choices<T>(IChoiceDocument document, ref NamedChoices<T> values, string path)
    {
        var declarations = values.Declarations;
        for (var i = 0; i < declarations.Length; i++)
        {
            var choice = declarations[i];
            if (document.ChoiceNames[i] is not { } name)
            {
                if (choice.Required)
                {
                    Add(ErrorCodes.JsonMissingProperty, path + "." + choice.Name, $"The property is required; allowed: {choice.AllowedNames}.");
                }

                continue;
            }

            if (choice.TryParse(name, out var value))
            {
                values[i] = value;
            }
            else
            {
                _ = Unknown<object>(path + "." + choice.Name, name, choice.AllowedNames);
            }
        }
    }

    public T Optional<T>(string? text, string path, T fallback)
        where T : struct, Enum =>
        text is null ? fallback
        : JsonEnum<T>.TryParse(text, out var value) ? value
        : Unknown(path, text, JsonEnum<T>.Allowed, fallback);

    public double? RequiredNumber(double? value, string path)
    {
        if (value is null)
        {
            Add(ErrorCodes.JsonMissingProperty, path, "The number is required.");
        }

        return value;
    }

    public static string Index(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    private RunningAdvice? Running(RunningDocument? document, string path) => document is null
        ? null
        : new RunningAdvice(Required(document.Restriction, path + ".restriction", RunningRestriction.ReduceLoad), document.Text ?? string.Empty);

    private T? Unknown<T>(string path, string text, string allowed, T? fallback = default)
    {
        Add(ErrorCodes.JsonUnknownValue, path, $"'{text}' is not an allowed value; allowed: {allowed}.");
        return fallback;
    }
}
