using System.Collections.Immutable;
using System.Text.Json;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Serialization;

/// <summary>
/// Writes and reads triage results in the versioned result format <c>triage-result</c>, format version 1 (the schema
/// is <see cref="JsonSchemas.TriageResult"/>): camelCase, enumerations as strings, the knowledge base's stamps and the
/// chain of overlays, the engine version, the settled and highest possible urgency, the causes to exclude first, the
/// fired and undecided red flags with the questions that settle them, the ranked and explained differential and the
/// care plan. A stable contract for clinic apps: see <c>docs/results.md</c>.
/// </summary>
/// <remarks>
/// Written with a <see cref="Utf8JsonWriter"/>, without reflection: trim- and AOT-safe. Every item is written once
/// and referred to by id elsewhere. Reading replays the case on an engine and checks that the document's knowledge
/// base and outcome are the replay's, so a stored result can be verified.
/// </remarks>
/// <threadsafety>Thread-safe: all members are static and keep no state.</threadsafety>
public static class TriageResultJson
{
    /// <summary>The value of the document's <c>format</c> property.</summary>
    public const string FormatName = "triage-result";

    private const int Explained = 3;

    /// <summary>Writes a result as JSON text in the result format, in the knowledge base's own wording.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string Write(TriageResult result) => Write(result, null);

    /// <summary>Writes a result as JSON text in the result format.</summary>
    /// <param name="result">The result.</param>
    /// <param name="options">Language, explanation and indentation; null for the defaults.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string Write(TriageResult result, ResultJsonOptions? options)
    {
        ArgumentNullException.ThrowIfNull(result);
        options ??= ResultJsonOptions.Default;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions(options)))
        {
            Write(result, writer, options);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes a result in the result format to a writer, for example as part of a larger response.</summary>
    /// <param name="result">The result.</param>
    /// <param name="writer">The writer; its options decide the indentation.</param>
    /// <param name="options">Language and explanation; null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="writer"/> is null.</exception>
    public static void Write(TriageResult result, Utf8JsonWriter writer, ResultJsonOptions? options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        new ResultWriter(writer, options ?? ResultJsonOptions.Default).Result(result);
    }

    /// <summary>
    /// Reads a result document and replays it: checks that it was written for the engine's knowledge base, triages its
    /// case again, and checks that the document's urgency, ranking and probabilities are the replay's, then that the
    /// whole document is what the replay writes (red flags, actions, explanations, plan; the words only when the
    /// document is in the base's own wording).
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="engine">The engine to replay on.</param>
    /// <returns>The replayed result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="RulesJsonException">
    /// The text is not a result document of format version 1, or is not valid JSON text (an unpaired surrogate, invalid
    /// UTF-8 or escape, a property written twice), or exceeds the default <see cref="JsonReadOptions"/> limits (HPJ001,
    /// HPJ002, HPJ003).
    /// </exception>
    /// <exception cref="ResultValidationException">
    /// The document was written for another knowledge base (HPR001), or its outcome or any other part of it is not the
    /// replay's (HPR002, at most 20 differences); lists every problem.
    /// </exception>
    /// <exception cref="CaseValidationException">The document's case has problems.</exception>
    public static TriageResult Read(string json, TriageEngine engine)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(engine);

        // Checked like every other document first (unpaired surrogates, invalid escapes, duplicate properties, size,
        // depth and length, formatVersion): HPJ001 to HPJ003 at a path, line and byte, never an exception from inside
        // System.Text.Json, and no property the verification below could read differently from a client.
        var utf8 = JsonDocumentReader.Checked(json, null, FormatName);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = JsonReadOptions.DefaultMaximumDepth + 1 });
        }
        catch (JsonException ex)
        {
            throw new RulesJsonException(ErrorCodes.JsonMalformed, $"The result is not well-formed JSON: {ex.Message}", "$", ex.LineNumber + 1, ex.BytePositionInLine + 1, ex);
        }

        using (document)
        {
            return Replay(document.RootElement, engine);
        }
    }

    internal static TriageResult Replay(JsonElement root, TriageEngine engine)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != FormatName)
        {
            throw new RulesJsonException(ErrorCodes.JsonMalformed, $"The document is not a result: it needs \"format\": \"{FormatName}\".", "$.format", null, null);
        }

        if (!root.TryGetProperty("formatVersion", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != 1)
        {
            throw new RulesJsonException(ErrorCodes.JsonUnsupportedFormatVersion, "This version of HipPain.Rules reads result documents of formatVersion 1 only.", "$.formatVersion", null, null);
        }

        var problems = new List<ValidationProblem>();
        var knowledgeBase = engine.KnowledgeBase;
        var stamp = root.TryGetProperty("knowledgeBase", out var kb) && kb.ValueKind == JsonValueKind.Object ? kb : default;
        if (Text(stamp, "id") != knowledgeBase.Id || Text(stamp, "version") != knowledgeBase.Version || Text(stamp, "hash") != knowledgeBase.ContentHash)
        {
            problems.Add(new ValidationProblem(ErrorCodes.ResultKnowledgeBaseMismatch, "$.knowledgeBase", $"The result was written for knowledge base '{Text(stamp, "id")}' {Text(stamp, "version")} ({Text(stamp, "hash")}); the engine uses {knowledgeBase.Stamp}."));
            throw new ResultValidationException(problems);
        }

        if (!root.TryGetProperty("case", out var caseElement))
        {
            throw new RulesJsonException(ErrorCodes.JsonMalformed, "The result has no case.", "$.case", null, null);
        }

        var replay = engine.Triage(CaseJson.Read(caseElement));
        var urgency = root.TryGetProperty("urgency", out var u) && u.ValueKind == JsonValueKind.Object ? u : default;
        if (Text(urgency, "settled") != JsonEnum<Urgency>.Name(replay.Urgency) || Text(urgency, "highestPossible") != JsonEnum<Urgency>.Name(replay.HighestPossibleUrgency))
        {
            problems.Add(new ValidationProblem(ErrorCodes.ResultDiffersFromReplay, "$.urgency", $"The recorded urgency is {Text(urgency, "settled")} (possibly {Text(urgency, "highestPossible")}); the replay gives {replay.Urgency} (possibly {replay.HighestPossibleUrgency})."));
        }

        var recorded = root.TryGetProperty("differential", out var d) && d.ValueKind == JsonValueKind.Array ? d.EnumerateArray().ToList() : [];
        for (var i = 0; i < replay.Differential.Length; i++)
        {
            var expected = replay.Differential[i];
            var entry = i < recorded.Count ? recorded[i] : default;
            var probability = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("probability", out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetDouble(out var number) ? number : double.NaN;
            if (Text(entry, "cause") != expected.Cause.Id || probability != Round(expected.Probability))
            {
                problems.Add(new ValidationProblem(ErrorCodes.ResultDiffersFromReplay, $"$.differential[{i}]", $"The replay ranks '{expected.Cause.Id}' at {expected.Rank} with probability {Round(expected.Probability)}; the document has '{Text(entry, "cause")}' with {probability}."));
            }
        }

        if (problems.Count == 0)
        {
            Verify(root, replay, problems);
        }

        if (problems.Count > 0)
        {
            throw new ResultValidationException(problems);
        }

        return replay;
    }

    /// <summary>
    /// Checks the whole document against the replay written again with the options the document was written with
    /// (<see cref="ResultJsonOptions.IncludeText"/> when the differential carries names,
    /// <see cref="ResultJsonOptions.ExplainAllCauses"/> when it explains more causes than the default), so that nothing a
    /// client shows (a fired red flag, an action, a plan item, an explanation) can differ from what the engine says.
    /// The case was read and replayed, and <c>engineVersion</c> may name the release that wrote the result, so neither
    /// is compared. In a text pack other than the base's own wording the words (<c>name</c>, <c>label</c>,
    /// <c>groupName</c>, <c>action</c>, the running advice <c>text</c>, <c>note</c>) and the <c>text</c> stamp cannot be
    /// replayed, and only the ids, numbers and states are compared. Each difference is HPR002 at its path, at most
    /// <see cref="MaxDifferences"/> of them.
    /// </summary>
    private static void Verify(JsonElement root, TriageResult replay, List<ValidationProblem> problems)
    {
        var differential = root.TryGetProperty("differential", out var d) && d.ValueKind == JsonValueKind.Array ? d : default;
        var includeText = differential.ValueKind == JsonValueKind.Array && differential.GetArrayLength() > 0
            && differential[0].ValueKind == JsonValueKind.Object && differential[0].TryGetProperty("name", out _);
        var explainedInDocument = differential.ValueKind == JsonValueKind.Array
            ? differential.EnumerateArray().Count(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("explanation", out _))
            : 0;
        var options = new ResultJsonOptions { IncludeText = includeText };
        using var byDefault = JsonDocument.Parse(Write(replay, options));
        var expected = byDefault.RootElement.GetProperty("differential").EnumerateArray().Count(e => e.TryGetProperty("explanation", out _)) == explainedInDocument
            ? byDefault
            : JsonDocument.Parse(Write(replay, new ResultJsonOptions { IncludeText = includeText, ExplainAllCauses = true }));
        try
        {
            // The words are left out only for a well-formed stamp of another pack; anything else in "text" is compared.
            var otherPack = root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.Object
                && IsText(text, "culture") && IsText(text, "review") && IsText(text, "hash")
                && !text.GetProperty("hash").ValueEquals(replay.Source.Text.ContentHash);
            Compare(root, expected.RootElement, "$", !otherPack, problems);
        }
        finally
        {
            if (!ReferenceEquals(expected, byDefault))
            {
                expected.Dispose();
            }
        }
    }

    private static bool IsText(JsonElement element, string name) => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String;

    /// <summary>The most differences a verification lists.</summary>
    private const int MaxDifferences = 20;

    private static readonly HashSet<string> Words = new(StringComparer.Ordinal) { "name", "label", "groupName", "action", "text", "note" };

    private static void Compare(JsonElement recorded, JsonElement replayed, string path, bool ownWords, List<ValidationProblem> problems)
    {
        if (problems.Count >= MaxDifferences)
        {
            return;
        }

        if (recorded.ValueKind != replayed.ValueKind && !(recorded.ValueKind is JsonValueKind.True or JsonValueKind.False && replayed.ValueKind is JsonValueKind.True or JsonValueKind.False))
        {
            Differs(path, recorded, replayed, problems);
            return;
        }

        switch (replayed.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in recorded.EnumerateObject())
                {
                    if (!replayed.TryGetProperty(property.Name, out _) && !Skipped(path, property.Name, property.Value, ownWords))
                    {
                        problems.Add(new ValidationProblem(ErrorCodes.ResultDiffersFromReplay, ProblemPath.AppendName(new System.Text.StringBuilder(path), property.Name).ToString(), "The replay has no such property: the result was changed after it was written, or not written by this engine."));
                    }
                }

                foreach (var property in replayed.EnumerateObject())
                {
                    var at = ProblemPath.AppendName(new System.Text.StringBuilder(path), property.Name).ToString();
                    if (Skipped(path, property.Name, property.Value, ownWords))
                    {
                        continue;
                    }

                    if (!recorded.TryGetProperty(property.Name, out var value))
                    {
                        problems.Add(new ValidationProblem(ErrorCodes.ResultDiffersFromReplay, at, $"The replay has {Shown(property.Value)} here; the document has nothing."));
                    }
                    else
                    {
                        Compare(value, property.Value, at, ownWords, problems);
                    }
                }

                break;
            case JsonValueKind.Array:
                var count = Math.Max(recorded.GetArrayLength(), replayed.GetArrayLength());
                if (recorded.GetArrayLength() != replayed.GetArrayLength())
                {
                    problems.Add(new ValidationProblem(
                        ErrorCodes.ResultDiffersFromReplay,
                        path,
                        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The replay has {replayed.GetArrayLength()} items here; the document has {recorded.GetArrayLength()}.")));
                    break;
                }

                for (var i = 0; i < count; i++)
                {
                    Compare(recorded[i], replayed[i], string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}[{i}]"), ownWords, problems);
                }

                break;
            case JsonValueKind.Number:
                if (!recorded.TryGetDouble(out var left) || !replayed.TryGetDouble(out var right) || left != right)
                {
                    Differs(path, recorded, replayed, problems);
                }

                break;
            case JsonValueKind.String:
                if (recorded.GetString() != replayed.GetString())
                {
                    Differs(path, recorded, replayed, problems);
                }

                break;
            default:
                if (recorded.ValueKind != replayed.ValueKind)
                {
                    Differs(path, recorded, replayed, problems);
                }

                break;
        }
    }

    /// <summary>What is not compared: the case (read and replayed), the engine version, and the words and text stamp when the document is in another text pack.</summary>
    private static bool Skipped(string path, string name, JsonElement value, bool ownWords) =>
        (path == "$" && name is "case" or "engineVersion")
        || (!ownWords && ((path == "$" && name == "text") || (Words.Contains(name) && value.ValueKind == JsonValueKind.String)));

    private static void Differs(string path, JsonElement recorded, JsonElement replayed, List<ValidationProblem> problems) =>
        problems.Add(new ValidationProblem(ErrorCodes.ResultDiffersFromReplay, path, $"The document has {Shown(recorded)}; the replay has {Shown(replayed)}."));

    private static string Shown(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 80 ? text : text[..77] + "...";
    }

    /// <summary>
    /// Writer options: indentation as asked, and text written as UTF-8 rather than escaped (<c>§</c>, <c>'</c>, accents),
    /// which keeps results small and readable; the JSON is for an API client, not for embedding in HTML.
    /// </summary>
    internal static JsonWriterOptions WriterOptions(ResultJsonOptions options) =>
        new() { Indented = options.Indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The writer of one result: its text lookups and the set of causes to explain.</summary>
    private sealed class ResultWriter(Utf8JsonWriter writer, ResultJsonOptions options)
    {
        private readonly TextPack? pack = options.Text;
        private readonly Dictionary<(string Citation, EvidenceLevel Level, VerificationStatus Status), int> sources = [];
        private TextPack own = null!;

        public void Result(TriageResult result)
        {
            own = result.Source.Text;
            var explained = new HashSet<string>(StringComparer.Ordinal);
            foreach (var cause in result.Differential.Take(Explained))
            {
                explained.Add(cause.Cause.Id);
            }

            var mustExclude = MustExcludeFirst(result);
            foreach (var (cause, _, _) in mustExclude)
            {
                explained.Add(cause.Cause.Id);
            }

            writer.WriteStartObject();
            writer.WriteString("format", FormatName);
            writer.WriteNumber("formatVersion", 1);
            writer.WriteString("disclaimer", TriageResult.Disclaimer);
            writer.WriteStartObject("knowledgeBase");
            Stamp(result.KnowledgeBaseId, result.KnowledgeBaseVersion, result.KnowledgeBaseHash);
            if (!result.DerivedFrom.IsEmpty)
            {
                writer.WriteStartArray("derivedFrom");
                foreach (var origin in result.DerivedFrom)
                {
                    writer.WriteStartObject();
                    Stamp(origin.Id, origin.Version, origin.ContentHash);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteString("engineVersion", result.EngineVersion);
            var textPack = pack ?? own;
            {
                writer.WriteStartObject("text");
                writer.WriteString("culture", textPack.Culture);
                writer.WriteString("hash", textPack.ContentHash);
                writer.WriteString("review", JsonEnum<TextReview>.Name(textPack.Review));
                if (textPack.ReviewNote is { } note)
                {
                    writer.WriteString("reviewNote", note);
                }

                writer.WriteEndObject();
            }

            writer.WritePropertyName("case");
            CaseJson.Write(result.Case, writer);
            Urgency(result, mustExclude);
            writer.WriteStartArray("differential");
            foreach (var cause in result.Differential)
            {
                Cause(cause, options.ExplainAllCauses || explained.Contains(cause.Cause.Id));
            }

            writer.WriteEndArray();
            Plan(result.Plan, result);
            writer.WriteStartArray("sources");
            foreach (var source in sources.OrderBy(s => s.Value).Select(s => s.Key))
            {
                // One entry per citation, level and status: a rule's own note stays in the knowledge base.
                writer.WriteStartObject();
                writer.WriteString("citation", source.Citation);
                writer.WriteString("level", JsonEnum<EvidenceLevel>.Name(source.Level));
                writer.WriteString("status", JsonEnum<VerificationStatus>.Name(source.Status));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        /// <summary>The index of a source in the result's <c>sources</c>, each source written once however many contributions cite it.</summary>
        private int SourceOf(Evidence evidence)
        {
            var key = (evidence.Citation, evidence.Level, evidence.Status);
            if (!sources.TryGetValue(key, out var index))
            {
                index = sources.Count;
                sources.Add(key, index);
            }

            return index;
        }

        /// <summary>The causes fired red flags name, the most urgent flag first, then by rank; each once, with every flag that names it.</summary>
        private static List<(RankedCause Cause, Urgency Urgency, List<string> RedFlags)> MustExcludeFirst(TriageResult result)
        {
            var list = new List<(RankedCause Cause, Urgency Urgency, List<string> RedFlags)>();
            foreach (var flag in result.FiredRedFlags.OrderByDescending(f => f.Urgency))
            {
                foreach (var causeId in flag.SuspectedCauseIds)
                {
                    var index = list.FindIndex(e => e.Cause.Cause.Id == causeId);
                    if (index >= 0)
                    {
                        list[index].RedFlags.Add(flag.Id);
                        continue;
                    }

                    if (result.Differential.FirstOrDefault(c => c.Cause.Id == causeId) is { } cause)
                    {
                        list.Add((cause, flag.Urgency, [flag.Id]));
                    }
                }
            }

            return [.. list.OrderByDescending(e => e.Urgency).ThenBy(e => e.Cause.Rank)];
        }

        private void Urgency(TriageResult result, List<(RankedCause Cause, Urgency Urgency, List<string> RedFlags)> mustExclude)
        {
            writer.WriteStartObject("urgency");
            writer.WriteString("settled", JsonEnum<Model.Urgency>.Name(result.Urgency));
            writer.WriteString("highestPossible", JsonEnum<Model.Urgency>.Name(result.HighestPossibleUrgency));
            writer.WriteBoolean("provisional", result.IsUrgencyProvisional);
            writer.WriteStartArray("mustExcludeFirst");
            foreach (var (cause, urgency, flags) in mustExclude)
            {
                writer.WriteStartObject();
                writer.WriteString("cause", cause.Cause.Id);
                Display("name", Get(TextKey.CauseName(cause.Cause.Id), cause.Cause.Name));
                writer.WriteString("urgency", JsonEnum<Model.Urgency>.Name(urgency));
                writer.WriteNumber("rank", cause.Rank);
                Strings("redFlags", flags);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("fired");
            foreach (var outcome in result.RedFlags.Where(r => r.Status == RedFlagStatus.Fired))
            {
                var flag = outcome.RedFlag;
                writer.WriteStartObject();
                RedFlag(flag);
                writer.WriteString("action", Get(TextKey.RedFlagAction(flag.Id), flag.Action));
                Strings("suspects", flag.SuspectedCauseIds);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("undecided");
            foreach (var outcome in result.UndecidedRedFlags)
            {
                writer.WriteStartObject();
                RedFlag(outcome.RedFlag);
                if (outcome.IsPartlyMet)
                {
                    writer.WriteBoolean("partlyMet", true);
                }

                // A gate a patient interview asks only in a context (AskWhen) that never appeared: named as not screened.
                if (outcome.RedFlag.AskWhen is { } context && context.Evaluate(result.Case) != true)
                {
                    writer.WriteBoolean("contextMet", false);
                }

                Strings("settlingFindings", outcome.SettlingFindingIds);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            Strings("ruledOut", result.RedFlags.Where(r => r.Status == RedFlagStatus.RuledOut).Select(r => r.RedFlag.Id));
            writer.WriteEndObject();
        }

        private void RedFlag(RedFlag flag)
        {
            writer.WriteString("redFlag", flag.Id);
            Display("name", Get(TextKey.RedFlagName(flag.Id), flag.Name));
            writer.WriteString("urgency", JsonEnum<Model.Urgency>.Name(flag.Urgency));
        }

        private void Cause(RankedCause cause, bool explain)
        {
            // Rank is the position in the array and the share is probability / sum: neither is written twice.
            writer.WriteStartObject();
            writer.WriteString("cause", cause.Cause.Id);
            Display("name", Get(TextKey.CauseName(cause.Cause.Id), cause.Cause.Name));
            writer.WriteNumber("probability", Round(cause.Probability));
            if (!cause.SuspectedByRedFlagIds.IsEmpty)
            {
                Strings("suspectedByRedFlags", cause.SuspectedByRedFlagIds);
            }

            if (explain)
            {
                writer.WriteStartObject("explanation");
                writer.WriteNumber("priorProbability", Round(cause.PriorProbability));
                writer.WriteStartArray("contributions");
                // A decided rule whose factor is 1 moves nothing: it is not written (the knowledge base lists it).
                foreach (var contribution in cause.Contributions.Where(c => c.Direction != ContributionDirection.Neutral))
                {
                    writer.WriteStartObject();
                    writer.WriteString("rule", contribution.Rule.Id);
                    Display("label", Label(contribution.Rule));
                    Outcome(contribution);
                    // Subsumed members are written where the group changed something: a member that stands for other
                    // decided members. A member that counted alone acts as if ungrouped.
                    // Like the contributions, a subsumed member whose factor is 1 (it would have moved nothing) is not written.
                    if (contribution.Group is { } group && contribution.Subsumed.Any(m => m.Direction != ContributionDirection.Neutral))
                    {
                        // The group is knowledge-base content (the rule names it); written with the display text.
                        Display("group", group.Id);
                        Display("groupName", Get(TextKey.GroupName(group.Id), group.Name));
                        writer.WriteStartArray("subsumes");
                        foreach (var member in contribution.Subsumed.Where(m => m.Direction != ContributionDirection.Neutral))
                        {
                            writer.WriteStartObject();
                            writer.WriteString("rule", member.Rule.Id);
                            Outcome(member);
                            writer.WriteEndObject();
                        }

                        writer.WriteEndArray();
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                if (!cause.Pending.IsEmpty)
                {
                    writer.WriteStartArray("pending");
                    foreach (var pending in cause.Pending)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("rule", pending.Rule.Id);
                        Display("label", Label(pending.Rule));
                        Strings("missingFindings", pending.MissingFindingIds);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        /// <summary>Writes what a rule's outcome was (met, or parts met for a graded rule), the factor it applies and its source.</summary>
        private void Outcome(Contribution contribution)
        {
            if (contribution.CriterionMet is bool met)
            {
                writer.WriteBoolean("met", met);
            }
            else if (contribution.PartsMet is int partsMet)
            {
                writer.WriteNumber("partsMet", partsMet);
            }

            writer.WriteNumber("factor", Round(contribution.Factor));
            writer.WriteNumber("source", SourceOf(contribution.Evidence));
        }

        private void Plan(CarePlan plan, TriageResult result)
        {
            writer.WriteStartObject("plan");
            writer.WriteStartObject("running");
            writer.WriteString("restriction", JsonEnum<RunningRestriction>.Name(plan.RunningAdvice.Restriction));
            writer.WriteString("text", RunningText(plan.RunningAdvice, result));
            writer.WriteEndObject();
            Items("workup", plan.Workup, result);
            Items("treatments", plan.Treatments, result);
            Items("deferred", plan.Deferred, result);
            if (!plan.Deferred.IsEmpty)
            {
                Strings("deferredUntilCleared", result.FiredRedFlags.Select(f => f.Id));
            }

            Items("avoid", plan.Avoid, result);
            Items("prevention", plan.Prevention, result);
            writer.WriteEndObject();
        }

        private void Items(string name, ImmutableArray<PlanItem> items, TriageResult result)
        {
            writer.WriteStartArray(name);
            foreach (var item in items)
            {
                var treatment = item.Treatment;
                writer.WriteStartObject();
                writer.WriteString("treatment", treatment.Id);
                Display("name", Get(TextKey.TreatmentName(treatment.Id), treatment.Name));
                if (item.Line != TreatmentLine.FirstLine)
                {
                    writer.WriteString("line", JsonEnum<TreatmentLine>.Name(item.Line));
                }

                Strings("causes", item.CauseIds);
                writer.WriteString("level", JsonEnum<EvidenceLevel>.Name(treatment.Evidence.Level));
                CauseLevels(item);
                var notes = options.IncludeText
                    ? item.CauseIds.Select(causeId => (causeId, Note: NoteOf(causeId, treatment.Id, result))).Where(n => n.Note is not null).ToList()
                    : [];
                if (notes.Count > 0)
                {
                    writer.WriteStartArray("notes");
                    foreach (var (causeId, note) in notes)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("cause", causeId);
                        writer.WriteString("note", note);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        /// <summary>
        /// The evidence level per cause, only for the causes whose level differs from the item's <c>level</c> (the
        /// treatment's own): a reader shows, for each cause, its entry here when there is one and <c>level</c> otherwise.
        /// </summary>
        private void CauseLevels(PlanItem item)
        {
            var own = item.Treatment.Evidence.Level;
            if (item.CauseEvidence.All(e => e.Level == own))
            {
                return;
            }

            writer.WriteStartObject("causeLevels");
            for (var i = 0; i < item.CauseIds.Length; i++)
            {
                if (item.CauseEvidence[i].Level != own)
                {
                    writer.WriteString(item.CauseIds[i], JsonEnum<EvidenceLevel>.Name(item.CauseEvidence[i].Level));
                }
            }

            writer.WriteEndObject();
        }

        private string? NoteOf(string causeId, string treatmentId, TriageResult result)
        {
            var cause = result.Differential.FirstOrDefault(c => c.Cause.Id == causeId)?.Cause;
            var note = cause?.Recommendations.FirstOrDefault(r => r.TreatmentId == treatmentId)?.Note;
            return note is null ? null : Get(TextKey.RecommendationNote(causeId, treatmentId), note);
        }

        private string RunningText(RunningAdvice advice, TriageResult result)
        {
            // The plan's advice is one of the fired flags' or the leading cause's: find whose, to look up its text.
            foreach (var flag in result.FiredRedFlags)
            {
                if (ReferenceEquals(flag.RunningAdvice, advice))
                {
                    return Get(TextKey.RedFlagRunning(flag.Id), advice.Text);
                }
            }

            var leading = result.Leading.Cause;
            return ReferenceEquals(leading.RunningAdvice, advice) ? Get(TextKey.CauseRunning(leading.Id), advice.Text) : advice.Text;
        }

        private string Label(DiagnosticRule rule) => rule switch
        {
            { Description: { } description } => Get(TextKey.RuleDescription(rule.Id), description),
            CriterionRule { Criterion: FindingCriterion finding } => Get(TextKey.FindingName(finding.FindingId), finding.FindingId),
            CriterionRule criterionRule => criterionRule.Criterion.ToString(),
            _ => rule.Id,
        };

        /// <summary>Writes display text when the options ask for it.</summary>
        private void Display(string name, string text)
        {
            if (options.IncludeText)
            {
                writer.WriteString(name, text);
            }
        }

        private void Stamp(string id, string version, string hash)
        {
            writer.WriteString("id", id);
            writer.WriteString("version", version);
            writer.WriteString("hash", hash);
        }

        private void Strings(string name, IEnumerable<string> values)
        {
            writer.WriteStartArray(name);
            foreach (var value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(fallback))]
        private string? Get(TextKey key, string? fallback) => pack?.Get(key) ?? own.Get(key) ?? fallback;
    }
}
