using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HipPain.Rules.Model;

namespace HipPain.Rules.Accuracy;

/// <summary>One coded finding of a published case's statement: a finding code and its state.</summary>
internal sealed record CodedFinding
{
    /// <summary>The finding code.</summary>
    public required string Code { get; init; }

    /// <summary><c>present</c> or <c>absent</c>.</summary>
    public required string State { get; init; }
}

/// <summary>One thing the source says about the patient, and the codes it maps to.</summary>
internal sealed record CaseStatement
{
    /// <summary>A short paraphrase of the source.</summary>
    public required string Text { get; init; }

    /// <summary>The codes the statement maps to (possibly none).</summary>
    public IReadOnlyList<CodedFinding> Codes { get; init; } = [];
}

/// <summary>A real patient from a published case report (see <c>validation/published-cases/README.md</c>).</summary>
internal sealed record PublishedCase
{
    /// <summary>Stable id, for example <c>pc-fnsf-03</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The source.</summary>
    public required string Citation { get; init; }

    /// <summary>The address the source was read at.</summary>
    public string? Url { get; init; }

    /// <summary>Case report, case series or teaching case.</summary>
    public string? Kind { get; init; }

    /// <summary>Runner, other athlete, military recruit or non-athlete.</summary>
    public string? Population { get; init; }

    /// <summary>Age in years, or null.</summary>
    public int? Age { get; init; }

    /// <summary><c>female</c>, <c>male</c> or null.</summary>
    public string? Sex { get; init; }

    /// <summary>The confirmed diagnosis: a cause id.</summary>
    public required string Diagnosis { get; init; }

    /// <summary>Second diagnoses the source confirms in the same patient.</summary>
    public IReadOnlyList<string> Alternatives { get; init; } = [];

    /// <summary>How the diagnosis was confirmed.</summary>
    public string? ConfirmedBy { get; init; }

    /// <summary><c>routine</c>, <c>urgent</c> or <c>emergency</c>, by the set's label rule.</summary>
    public required string Urgency { get; init; }

    /// <summary>What the source says, with the mapped codes.</summary>
    public IReadOnlyList<CaseStatement> Statements { get; init; } = [];

    /// <summary>Statements with no code.</summary>
    public IReadOnlyList<string> Unmapped { get; init; } = [];

    /// <summary>How the collector found the case (second batch only; see <c>validation/published-cases-2/README.md</c>).</summary>
    public CaseSearch? Found { get; init; }
}

/// <summary>The search that found a published case: the corpus, the query and the result's rank.</summary>
internal sealed record CaseSearch
{
    /// <summary>The search tool's corpus, for example <c>pages</c>.</summary>
    public required string Corpus { get; init; }

    /// <summary>The query as typed.</summary>
    public required string Query { get; init; }

    /// <summary>The result's rank in the answer, from 1.</summary>
    public required int Rank { get; init; }
}

/// <summary>A published case turned into the evaluator's vignette for one knowledge base.</summary>
/// <param name="Case">The published case.</param>
/// <param name="Vignette">The vignette the evaluator scores.</param>
/// <param name="DroppedCodes">Mapped codes the knowledge base does not have (left out of the vignette).</param>
internal sealed record PreparedCase(PublishedCase Case, Vignette Vignette, ImmutableArray<string> DroppedCodes);

/// <summary>Counts over a group of prepared published cases, shared by the reports of both sets.</summary>
internal static class PreparedCases
{
    /// <summary>Mapped codes the knowledge base does not have, over all cases.</summary>
    /// <param name="prepared">The cases.</param>
    public static int DroppedCodeCount(this ImmutableArray<PreparedCase> prepared) => prepared.Sum(p => p.DroppedCodes.Length);

    /// <summary>Statements over all cases.</summary>
    /// <param name="prepared">The cases.</param>
    public static int StatementCount(this ImmutableArray<PreparedCase> prepared) => prepared.Sum(p => p.Case.Statements.Count);

    /// <summary>Statements with no code.</summary>
    /// <param name="prepared">The cases.</param>
    public static int UncodedStatementCount(this ImmutableArray<PreparedCase> prepared) => prepared.Sum(p => p.Case.Statements.Count(s => s.Codes.Count == 0));

    /// <summary>The summary line the command prints about the mapping.</summary>
    /// <param name="prepared">The cases.</param>
    public static string CodingLine(this ImmutableArray<PreparedCase> prepared) =>
        string.Create(CultureInfo.InvariantCulture, $"Codes mapped but not in this base (dropped): {prepared.DroppedCodeCount()}; statements with no code: {prepared.UncodedStatementCount()} of {prepared.StatementCount()}");
}

/// <summary>Loads the published-case validation set and its fixed split.</summary>
internal static class PublishedCaseSet
{
    /// <summary>The set's folder relative to the repository root.</summary>
    public const string RelativePath = "validation/published-cases";

    /// <summary>The second batch's folder (a holdout with no development half) relative to the repository root.</summary>
    public const string HoldoutRelativePath = "validation/published-cases-2";

    /// <summary>The third batch's folder (a holdout with no development half) relative to the repository root.</summary>
    public const string ThirdBatchRelativePath = "validation/published-cases-3";

    /// <summary>The fourth batch's folder (a holdout with no development half) relative to the repository root.</summary>
    public const string FourthBatchRelativePath = "validation/published-cases-4";

    /// <summary>The fifth batch's folder (a holdout with no development half) relative to the repository root.</summary>
    public const string FifthBatchRelativePath = "validation/published-cases-5";

    /// <summary>
    /// The sixth batch's folder (a holdout with no development half) relative to the repository root. It was reserved
    /// and unscored until facts addendum 32 named it as its held-out test (its README, rule 2).
    /// </summary>
    public const string SixthBatchRelativePath = "validation/published-cases-6";

    /// <summary>
    /// The seventh batch's folder (a holdout with no development half) relative to the repository root. It was
    /// reserved and unscored until facts addendum 33 named it as its held-out test (its README, rule 2).
    /// </summary>
    public const string SeventhBatchRelativePath = "validation/published-cases-7";

    /// <summary>
    /// The eighth batch's folder (a holdout with no development half) relative to the repository root. It was
    /// reserved and unscored until facts addendum 34 named it as its held-out test (its README, rule 2).
    /// </summary>
    public const string EighthBatchRelativePath = "validation/published-cases-8";

    /// <summary>
    /// The ninth batch's folder (a holdout with no development half) relative to the repository root. It was reserved
    /// and unscored until facts addendum 36 named it as its held-out test (its README, rule 2).
    /// </summary>
    public const string NinthBatchRelativePath = "validation/published-cases-9";

    /// <summary>
    /// The tenth batch's folder (a holdout with no development half) relative to the repository root. It was reserved
    /// and unscored until facts addendum 37 named it as its held-out test (its README, rule 2).
    /// </summary>
    public const string TenthBatchRelativePath = "validation/published-cases-10";

    /// <summary>
    /// The eleventh batch's folder (a holdout with no development half) relative to the repository root. It was reserved
    /// and unscored until facts addendum 38 named it as its held-out test (its README, rule 2).
    /// </summary>
    public const string EleventhBatchRelativePath = "validation/published-cases-11";

    /// <summary>
    /// The twelfth batch's folder (a holdout with no development half) relative to the repository root. It was reserved
    /// and unscored until facts addendum 39 named it as its held-out test (its README, rule 2).
    /// </summary>
    public const string TwelfthBatchRelativePath = "validation/published-cases-12";

    /// <summary>
    /// The thirteenth batch's folder (a holdout with no development half) relative to the repository root. It was
    /// reserved and unscored until facts addendum 40 named it as its held-out test (its README, rule 2).
    /// </summary>
    public const string ThirteenthBatchRelativePath = "validation/published-cases-13";

    /// <summary>
    /// The fourteenth batch's folder (a holdout with no development half) relative to the repository root. It was
    /// reserved and unscored until facts addendum 41 named it as its held-out test (its README, rule 2).
    /// </summary>
    public const string FourteenthBatchRelativePath = "validation/published-cases-14";

    /// <summary>
    /// The fifteenth batch's folder (a holdout with no development half) relative to the repository root. It was
    /// reserved and unscored until facts addendum 42 named it as its held-out test (its README, rule 2).
    /// </summary>
    public const string FifteenthBatchRelativePath = "validation/published-cases-15";

    /// <summary>
    /// The sixteenth batch's folder (a holdout with no development half) relative to the repository root. It was
    /// reserved and unscored until facts addendum 43 named it as its held-out test (its README, rule 2).
    /// </summary>
    public const string SixteenthBatchRelativePath = "validation/published-cases-16";

    /// <summary>
    /// The seventeenth batch's folder relative to the repository root: reserved and unscored until a pre-registered
    /// change names it as its held-out test (its README, rule 2). No report scores it; only the mechanical checks of the
    /// case files read it.
    /// </summary>
    public const string ReservedBatchRelativePath = "validation/published-cases-17";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Loads every case of a set, ordered by id.</summary>
    /// <param name="root">The repository root.</param>
    /// <param name="relativePath">The set's folder: <see cref="RelativePath"/> (the default), <see cref="HoldoutRelativePath"/>, <see cref="ThirdBatchRelativePath"/>, <see cref="FourthBatchRelativePath"/>, <see cref="FifthBatchRelativePath"/>, <see cref="SixthBatchRelativePath"/>, <see cref="SeventhBatchRelativePath"/>, <see cref="EighthBatchRelativePath"/>, <see cref="NinthBatchRelativePath"/>, <see cref="TenthBatchRelativePath"/>, <see cref="EleventhBatchRelativePath"/>, <see cref="TwelfthBatchRelativePath"/>, <see cref="ThirteenthBatchRelativePath"/>, <see cref="FourteenthBatchRelativePath"/>, <see cref="FifteenthBatchRelativePath"/> or <see cref="SixteenthBatchRelativePath"/>.</param>
    public static IReadOnlyList<PublishedCase> Load(string root, string relativePath = RelativePath) =>
        [.. LoadJsonFiles<PublishedCase>(Path.Combine(root, relativePath, "cases")).OrderBy(c => c.Id, StringComparer.Ordinal)];

    /// <summary>
    /// Reads every <c>*.json</c> file of a folder as one <typeparamref name="T"/> (camel case, comments and trailing
    /// commas allowed, unknown members refused); an empty list when the folder does not exist.
    /// </summary>
    /// <typeparam name="T">The record each file holds.</typeparam>
    /// <param name="folder">The folder.</param>
    /// <exception cref="InvalidDataException">A file is not a <typeparamref name="T"/>; the message names the file.</exception>
    public static IEnumerable<T> LoadJsonFiles<T>(string folder)
        where T : class
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(folder, "*.json").Select(path =>
        {
            using var stream = File.OpenRead(path);
            try
            {
                return JsonSerializer.Deserialize<T>(stream, Options) ?? throw new InvalidDataException($"'{path}' is empty.");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"'{path}': {e.Message}", e);
            }
        })];
    }

    /// <summary>Loads the fixed split: the ids of the development half and of the test half.</summary>
    /// <param name="root">The repository root.</param>
    public static (ImmutableHashSet<string> Development, ImmutableHashSet<string> Test) LoadSplit(string root)
    {
        var path = Path.Combine(root, RelativePath, "split.json");
        using var stream = File.OpenRead(path);
        var split = JsonSerializer.Deserialize<SplitFile>(stream, Options)
            ?? throw new InvalidDataException($"'{path}' holds no split.");
        return ([.. split.Development], [.. split.Test]);
    }

    /// <summary>
    /// Builds the vignette the evaluator scores: the case's age, sex and every mapped code the knowledge base
    /// has, present or absent as mapped. A code mapped twice with the same state counts once.
    /// </summary>
    /// <param name="publishedCase">The case.</param>
    /// <param name="knowledgeBase">The knowledge base that will score it.</param>
    /// <exception cref="InvalidDataException">The case maps one code both present and absent, or names an unknown state, sex or urgency.</exception>
    public static PreparedCase Prepare(PublishedCase publishedCase, KnowledgeBase knowledgeBase)
    {
        var states = new Dictionary<string, FindingState>(StringComparer.Ordinal);
        var dropped = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var coded in publishedCase.Statements.SelectMany(s => s.Codes))
        {
            var state = coded.State switch
            {
                "present" => FindingState.Present,
                "absent" => FindingState.Absent,
                _ => throw new InvalidDataException($"{publishedCase.Id}: code '{coded.Code}' has state '{coded.State}'; expected 'present' or 'absent'."),
            };
            if (states.TryGetValue(coded.Code, out var earlier) && earlier != state)
            {
                throw new InvalidDataException($"{publishedCase.Id}: code '{coded.Code}' is mapped both present and absent.");
            }

            if (!knowledgeBase.TryGetFinding(coded.Code, out _))
            {
                dropped.Add(coded.Code);
                continue;
            }

            states[coded.Code] = state;
        }

        var vignette = new Vignette
        {
            Id = publishedCase.Id,
            Title = publishedCase.Citation,
            Source = publishedCase.Url ?? publishedCase.Citation,
            Age = publishedCase.Age,
            Sex = publishedCase.Sex switch
            {
                null => Model.Sex.Unspecified,
                "female" => Model.Sex.Female,
                "male" => Model.Sex.Male,
                _ => throw new InvalidDataException($"{publishedCase.Id}: sex '{publishedCase.Sex}'; expected 'female', 'male' or null."),
            },
            Present = [.. states.Where(p => p.Value == FindingState.Present).Select(p => p.Key)],
            Absent = [.. states.Where(p => p.Value == FindingState.Absent).Select(p => p.Key)],
            Reference = publishedCase.Diagnosis,
            Alternatives = publishedCase.Alternatives,
            ExpectedUrgency = publishedCase.Urgency switch
            {
                "routine" => Model.Urgency.Routine,
                "urgent" => Model.Urgency.Urgent,
                "emergency" => Model.Urgency.Emergency,
                _ => throw new InvalidDataException($"{publishedCase.Id}: urgency '{publishedCase.Urgency}'; expected 'routine', 'urgent' or 'emergency'."),
            },
        };
        return new PreparedCase(publishedCase, vignette, [.. dropped]);
    }

    private sealed record SplitFile
    {
        public string? Description { get; init; }

        public string? Rule { get; init; }

        public required IReadOnlyList<string> Development { get; init; }

        public required IReadOnlyList<string> Test { get; init; }
    }
}
