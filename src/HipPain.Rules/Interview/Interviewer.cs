using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Interview;

/// <summary>
/// Conducts a triage interview one question at a time: ranks the findings not yet asked by how much their answer
/// is expected to change the picture, asks red-flag questions first, and decides when to stop.
/// </summary>
/// <remarks>
/// <para>
/// A finding counts as asked once the case names it, in any state: an observation with
/// <see cref="FindingState.Unknown"/> records a question the patient could not answer, and it is not asked again.
/// </para>
/// <para>
/// Order of questions. (1) Red-flag questions: a finding that sits in an undecided branch of an undecided red-flag
/// gate at or above <see cref="InterviewOptions.RedFlagUrgency"/>, so that its answer can still fire the gate
/// (raising the urgency) or rule it out. They come before any diagnostic question: the cheapest first (history,
/// then examination, then investigation), then the most urgent gate, then the question expected to finish the
/// red-flag screen at the least cost (its own cost plus the expected cost of the red-flag questions its answer
/// leaves open), then by gain per cost. (2) Diagnostic questions, by
/// expected information gain divided by cost. Ties go to the earlier finding kind (history before examination
/// before investigation), then to authoring order.
/// </para>
/// <para>
/// Expected information gain of finding f, in bits: with s the normalised differential now (each cause's
/// posterior probability divided by their sum) and s⁺, s⁻ the differential after the answers "present" and
/// "absent", gain(f) = P(f) KL(s⁺ ‖ s) + (1 − P(f)) KL(s⁻ ‖ s), where KL(a ‖ b) = Σ a_c log₂(a_c / b_c) and
/// P(f) = Σ s_c Sn_c(f) with Sn_c(f) from <see cref="AnswerModel"/>. The posteriors after an answer are the
/// engine's, computed through the engine's compiled tables: the log-odds of each cause change by what every rule,
/// evidence group and graded rule reading the finding adds after the answer minus what it adds now. The gain is
/// one step ahead: a composite or graded rule counts only when this answer decides it.
/// </para>
/// <para>
/// Stop rule, checked in this order once no red-flag question is open: the leading cause is clear
/// (<see cref="InterviewOptions.LeadingProbability"/> and <see cref="InterviewOptions.LeadingMargin"/>); every
/// finding has been asked; no answer to any open question can change the top three causes (which they are or
/// their order) or the urgency; <see cref="InterviewOptions.MaximumQuestions"/> diagnostic questions have been
/// asked. Red-flag questions are never cut off and do not count towards the maximum, so an interview asks every
/// open red-flag question and then at most the maximum of diagnostic ones (and never a finding twice).
/// </para>
/// <para>See <c>docs/interview.md</c> for the derivations and measured behaviour.</para>
/// </remarks>
/// <threadsafety>Thread-safe: the instance is immutable and every call works on its own state.</threadsafety>
public sealed class Interviewer
{
    private const double Negligible = 1e-12;

    private readonly InterviewModel model;

    /// <summary>Creates an interviewer over an engine's knowledge base.</summary>
    /// <param name="engine">The engine that triages each step.</param>
    /// <param name="options">Settings; null for the defaults. The values are copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its allowed range; the exception names it.</exception>
    public Interviewer(TriageEngine engine, InterviewOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        options = (options ?? new InterviewOptions()).Copy();
        options.Validate();
        Engine = engine;
        model = new InterviewModel(engine, options);
        PainMap = [.. engine.KnowledgeBase.Findings.Where(f => f.Kind == FindingKind.PainLocation)];
    }

    /// <summary>The engine that triages each step.</summary>
    public TriageEngine Engine { get; }

    /// <summary>Who answers this interviewer's questions (<see cref="InterviewOptions.Audience"/>).</summary>
    public InterviewAudience Audience => model.Options.Audience;

    /// <summary>The model that predicts answers, with the options' background rate.</summary>
    public AnswerModel AnswerModel => model.Answers;

    /// <summary>
    /// The regions of the pain map: every pain-location finding of the knowledge base (<see cref="FindingKind.PainLocation"/>),
    /// in the base's order, for a body map the patient marks on one screen before the first question
    /// (<see cref="Start(PatientCase, IEnumerable{string})"/>).
    /// </summary>
    /// <remarks>
    /// A patient interview opens a red-flag gate's questions only once the gate's context (<see cref="RedFlag.AskWhen"/>)
    /// is met, and several contexts are pain regions (low back or buttock for cauda equina; groin, thigh or buttock for
    /// the stress fractures and osteonecrosis). Marked on a map first, they are known before the first question instead
    /// of waiting for the interview to ask them one by one (docs/interview.md, hazard H21).
    /// </remarks>
    public ImmutableArray<Finding> PainMap { get; }

    /// <summary>Ranks every finding the case does not name yet, first to ask first.</summary>
    /// <param name="patientCase">The answers so far.</param>
    /// <returns>The open questions, ranked; empty when every finding has been asked.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patientCase"/> is null.</exception>
    /// <exception cref="CaseValidationException">The case has problems; the exception lists every one.</exception>
    public ImmutableArray<QuestionSuggestion> RankQuestions(PatientCase patientCase)
    {
        var analysis = Analyse(patientCase);
        try
        {
            var candidates = Candidates(analysis);
            candidates.Sort(Compare);
            return [.. candidates.Select((c, i) => Describe(analysis, c, i + 1))];
        }
        finally
        {
            analysis.Return();
        }
    }

    /// <summary>The question to ask next, whatever the stop rule says.</summary>
    /// <param name="patientCase">The answers so far.</param>
    /// <returns>The best open question, or null when every finding has been asked.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patientCase"/> is null.</exception>
    /// <exception cref="CaseValidationException">The case has problems; the exception lists every one.</exception>
    public QuestionSuggestion? NextQuestion(PatientCase patientCase)
    {
        var analysis = Analyse(patientCase);
        try
        {
            return Best(analysis);
        }
        finally
        {
            analysis.Return();
        }
    }

    /// <summary>Triages the answers so far and decides whether to stop or which question to ask next.</summary>
    /// <param name="patientCase">The answers so far (the starting case plus every answer).</param>
    /// <param name="questionsAsked">How many questions this interview has asked; 0 at the start.</param>
    /// <param name="redFlagQuestionsAsked">
    /// How many of those were red-flag questions (<see cref="QuestionSuggestion.IsRedFlagQuestion"/>); they do not
    /// count towards <see cref="InterviewOptions.MaximumQuestions"/>. 0 to <paramref name="questionsAsked"/>.
    /// <see cref="Answer(InterviewStep, FindingState)"/> keeps both counts for you, and <see cref="Resume"/> derives them from an <see cref="InterviewState"/>.
    /// </param>
    /// <returns>The step: the result and either the next question or the stop reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patientCase"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or <paramref name="redFlagQuestionsAsked"/> exceeds <paramref name="questionsAsked"/>.</exception>
    /// <exception cref="CaseValidationException">The case has problems; the exception lists every one.</exception>
    public InterviewStep Step(PatientCase patientCase, int questionsAsked = 0, int redFlagQuestionsAsked = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(questionsAsked);
        ArgumentOutOfRangeException.ThrowIfNegative(redFlagQuestionsAsked);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(redFlagQuestionsAsked, questionsAsked);
        var result = Engine.Triage(patientCase);
        var analysis = CaseAnalysis.Rent(model, patientCase);
        try
        {
            return Decide(result, analysis, questionsAsked, redFlagQuestionsAsked);
        }
        finally
        {
            analysis.Return();
        }
    }

    private InterviewStep Decide(TriageResult result, CaseAnalysis analysis, int questionsAsked, int redFlagQuestionsAsked)
    {
        var next = Best(analysis);
        if (next is { IsRedFlagQuestion: true })
        {
            return new InterviewStep(result, Audience, questionsAsked, redFlagQuestionsAsked, next, InterviewStopReason.NotStopped, next.Reason);
        }

        var options = model.Options;
        var leader = result.Differential[0];
        var runnerUp = result.Differential.Length > 1 ? result.Differential[1].Probability : 0;
        if (leader.Probability >= options.LeadingProbability && leader.Probability - runnerUp >= options.LeadingMargin)
        {
            return Stop(result, questionsAsked, redFlagQuestionsAsked, InterviewStopReason.LeadingCauseClear, string.Create(
                CultureInfo.InvariantCulture,
                $"The leading cause is clear: {leader.Cause.Name} at {leader.Probability:P0}, {leader.Probability - runnerUp:P0} ahead of the next (thresholds {options.LeadingProbability:P0} and {options.LeadingMargin:P0})."));
        }

        if (next is null)
        {
            return Stop(result, questionsAsked, redFlagQuestionsAsked, InterviewStopReason.NoQuestionsLeft, "Every finding of the knowledge base has been asked.");
        }

        if (!analysis.CanChangeTopThreeOrUrgency())
        {
            return Stop(result, questionsAsked, redFlagQuestionsAsked, InterviewStopReason.NothingLeftToChange, "No answer to any open question can change the top three causes, their order, or the urgency.");
        }

        // A clinician interview's cap counts diagnostic questions only. A patient interview's counts every question, red-flag
        // ones included, so that it ends near the cap; red-flag questions still come first and are never cut off.
        var counted = options.Audience == InterviewAudience.Patient ? questionsAsked : questionsAsked - redFlagQuestionsAsked;
        if (counted >= options.MaximumQuestions)
        {
            var text = options.Audience == InterviewAudience.Patient
                ? string.Create(CultureInfo.InvariantCulture, $"Asked the maximum of {options.MaximumQuestions} questions ({redFlagQuestionsAsked} of them red-flag questions).")
                : string.Create(CultureInfo.InvariantCulture, $"Asked the maximum of {options.MaximumQuestions} diagnostic questions (after {redFlagQuestionsAsked} red-flag questions).");
            return Stop(result, questionsAsked, redFlagQuestionsAsked, InterviewStopReason.MaximumQuestionsReached, text);
        }

        return new InterviewStep(result, Audience, questionsAsked, redFlagQuestionsAsked, next, InterviewStopReason.NotStopped, next.Reason);
    }

    /// <summary>Records the answer to a step's next question and takes the next step, keeping count of the questions asked.</summary>
    /// <param name="step">The step whose <see cref="InterviewStep.NextQuestion"/> was answered.</param>
    /// <param name="answer">The answer: present, absent, or unknown when the patient cannot say.</param>
    /// <returns>The next step.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="step"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="answer"/> is not a <see cref="FindingState"/>.</exception>
    /// <exception cref="InvalidOperationException">The step has stopped (it has no next question), so there is nothing to answer.</exception>
    /// <exception cref="CaseValidationException">The step's case does not fit this interviewer's knowledge base; the exception lists every problem.</exception>
    public InterviewStep Answer(InterviewStep step, FindingState answer)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (!Enum.IsDefined(answer))
        {
            throw new ArgumentOutOfRangeException(nameof(answer), answer, "The answer must be Unknown, Present or Absent.");
        }

        if (step.NextQuestion is not { } question)
        {
            throw new InvalidOperationException($"The interview has stopped ({step.StopReason}); there is no question to answer.");
        }

        return Step(
            step.Result.Case.With(question.Finding.Id, answer),
            step.QuestionsAsked + 1,
            step.RedFlagQuestionsAsked + (question.IsRedFlagQuestion ? 1 : 0));
    }

    /// <summary>Starts an interview from what is already known; the same as <see cref="Step"/> with no question asked yet.</summary>
    /// <param name="start">The starting case: age, sex and any findings already known.</param>
    /// <returns>The first step; its <see cref="InterviewStep.State"/> is what a stateless server hands the client.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="start"/> is null.</exception>
    /// <exception cref="CaseValidationException">The case has problems; the exception lists every one.</exception>
    public InterviewStep Start(PatientCase start) => Step(start);

    /// <summary>
    /// Starts an interview from what is already known and the regions the patient marked on the pain map
    /// (<see cref="PainMap"/>): each marked region is recorded as present, after the starting case's findings; a region
    /// left unmarked is not recorded, so the interview may still ask it. The map is one screen, not a question: it does
    /// not count towards <see cref="InterviewOptions.MaximumQuestions"/>, and <see cref="Resume"/> replays it as part of
    /// the starting findings.
    /// </summary>
    /// <param name="start">The starting case: age, sex and any findings already known.</param>
    /// <param name="painMap">The ids of the marked regions (each one of <see cref="PainMap"/>'s findings); empty when the patient marked none.</param>
    /// <returns>The first step.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="start"/> or <paramref name="painMap"/> is null.</exception>
    /// <exception cref="CaseValidationException">
    /// The starting case or the map has problems; the exception lists every one, the map's at <c>$.painMap[i]</c>: a blank
    /// id (HPC005), an id the base does not have (HPC001), a finding that is not a pain location (HPC009), a region
    /// marked twice (HPC003), or a region the starting case gives as absent or unknown (HPC002). A region the case already
    /// gives as present is accepted and recorded once.
    /// </exception>
    public InterviewStep Start(PatientCase start, IEnumerable<string> painMap) => Step(WithPainMap(start, painMap));

    /// <summary>
    /// Runs a whole interview from what is already known and the regions marked on the pain map, as
    /// <see cref="Start(PatientCase, IEnumerable{string})"/> starts it.
    /// </summary>
    /// <param name="start">The starting case: age, sex and any findings already known.</param>
    /// <param name="painMap">The ids of the marked regions (each one of <see cref="PainMap"/>'s findings).</param>
    /// <param name="answer">Answers a question: present, absent, or unknown when the patient cannot say.</param>
    /// <returns>The transcript with the final result; the marked regions are in its result's case, not among its answers.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="CaseValidationException">The starting case or the map has problems, as for <see cref="Start(PatientCase, IEnumerable{string})"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="answer"/> returned a value that is not a <see cref="FindingState"/>; the message names the finding.</exception>
    public InterviewTranscript Conduct(PatientCase start, IEnumerable<string> painMap, Func<QuestionSuggestion, FindingState> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return Conduct(WithPainMap(start, painMap), answer);
    }

    /// <summary>
    /// The starting case with the marked regions added as present, or every problem of the map and the case. A valid
    /// map leaves the case to <see cref="Step"/>'s own check, so the case is checked once.
    /// </summary>
    private PatientCase WithPainMap(PatientCase start, IEnumerable<string> painMap)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(painMap);
        var knowledgeBase = Engine.KnowledgeBase;
        var problems = new List<ValidationProblem>();
        var regions = string.Join(", ", PainMap.Select(f => f.Id));
        var marked = new HashSet<string>(StringComparer.Ordinal);
        var result = start;
        var i = -1;
        foreach (var id in painMap)
        {
            i++;
            var path = string.Create(CultureInfo.InvariantCulture, $"$.painMap[{i}]");
            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add(new ValidationProblem(ErrorCodes.CaseMissingFindingId, path, "A region of the pain map is null or blank; give a pain-location finding's id."));
                continue;
            }

            if (!knowledgeBase.TryGetFinding(id, out var finding))
            {
                problems.Add(new ValidationProblem(ErrorCodes.CaseUnknownFinding, path, $"The pain map marks '{id}', which knowledge base '{knowledgeBase.Id}' {knowledgeBase.Version} does not have; its pain map's regions are: {regions}."));
                continue;
            }

            if (finding.Kind != FindingKind.PainLocation)
            {
                problems.Add(new ValidationProblem(ErrorCodes.CaseNotAPainRegion, path, $"The pain map marks '{id}' ({finding.Name}), a {finding.Kind} finding, not a pain location; the pain map's regions are: {regions}."));
                continue;
            }

            if (!marked.Add(id))
            {
                problems.Add(new ValidationProblem(ErrorCodes.CaseDuplicateFinding, path, $"The pain map marks '{id}' ({finding.Name}) more than once."));
                continue;
            }

            var stated = start.Observations.Where(o => o.FindingId == id).Select(o => (FindingState?)o.State).FirstOrDefault();
            if (stated is { } state && state != FindingState.Present)
            {
                problems.Add(new ValidationProblem(ErrorCodes.CaseContradiction, path, $"The pain map marks '{id}' ({finding.Name}), but the starting case gives it as {state}."));
            }
            else if (stated is null)
            {
                result = result.With(id, FindingState.Present);
            }
        }

        return problems.Count > 0 ? throw new CaseValidationException([.. Engine.Validate(start), .. problems]) : result;
    }

    /// <summary>
    /// Continues an interview from a state a client sent back. The counts of questions asked are not taken from the
    /// client: the interview is replayed from the starting findings, and every later answer must be the question this
    /// interviewer asked at that point, so a state with added, reordered or unasked answers is refused.
    /// </summary>
    /// <param name="state">The state, from <see cref="InterviewStep.State"/> or <c>InterviewStateJson.Read</c>.</param>
    /// <returns>The step the state stands at, with counts derived from the replay.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    /// <exception cref="InterviewStateException">
    /// The state does not fit this interviewer: another knowledge base (HPI002) or audience (HPI003), a starting count
    /// outside the case (HPI004), or an answer to a question this interview did not ask at that point (HPI001).
    /// </exception>
    /// <exception cref="CaseValidationException">The state's case has problems against the knowledge base.</exception>
    public InterviewStep Resume(InterviewState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var knowledgeBase = Engine.KnowledgeBase;
        var problems = new List<ValidationProblem>();
        if (state.KnowledgeBaseHash != knowledgeBase.ContentHash || state.KnowledgeBaseId != knowledgeBase.Id)
        {
            problems.Add(new ValidationProblem(
                ErrorCodes.InterviewKnowledgeBaseChanged,
                "$.knowledgeBase",
                $"The interview was started on knowledge base '{state.KnowledgeBaseId}' {state.KnowledgeBaseVersion} ({state.KnowledgeBaseHash}); this interviewer uses '{knowledgeBase.Id}' {knowledgeBase.Version} ({knowledgeBase.ContentHash}). Start a new interview."));
        }

        if (state.Audience != Audience)
        {
            problems.Add(new ValidationProblem(ErrorCodes.InterviewAudienceMismatch, "$.audience", $"The interview was started for the {state.Audience} audience; this interviewer asks the {Audience} audience."));
        }

        var observations = state.Case.Observations;
        if (state.StartingObservationCount < 0 || state.StartingObservationCount > observations.Length)
        {
            problems.Add(new ValidationProblem(
                ErrorCodes.InterviewStartOutOfRange,
                "$.startingObservations",
                string.Create(CultureInfo.InvariantCulture, $"startingObservations is {state.StartingObservationCount}; it must be between 0 and the case's {observations.Length} observations.")));
        }

        if (problems.Count > 0)
        {
            throw new InterviewStateException(problems);
        }

        var given = state.StartingObservationCount;
        var step = Step(new PatientCase(state.Case.Age, state.Case.Sex, observations.Take(given), state.Case.Label));
        for (var i = given; i < observations.Length; i++)
        {
            if (step.NextQuestion?.Finding.Id != observations[i].FindingId)
            {
                throw new InterviewStateException([NotAsked(step, observations[i].FindingId, string.Create(CultureInfo.InvariantCulture, $"$.case.observations[{i}]"))]);
            }

            step = Answer(step, observations[i].State);
        }

        return step;
    }

    /// <summary>Records the answer to a step's next question, checking that the client answered that question.</summary>
    /// <param name="step">The step whose <see cref="InterviewStep.NextQuestion"/> was answered.</param>
    /// <param name="findingId">The finding the client says it answered.</param>
    /// <param name="answer">The answer: present, absent, or unknown when the patient cannot say.</param>
    /// <returns>The next step.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="step"/> or <paramref name="findingId"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="answer"/> is not a <see cref="FindingState"/>.</exception>
    /// <exception cref="InterviewStateException"><paramref name="findingId"/> is not the step's next question, or the step has stopped (HPI001).</exception>
    public InterviewStep Answer(InterviewStep step, string findingId, FindingState answer)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(findingId);
        if (step.NextQuestion?.Finding.Id != findingId)
        {
            throw new InterviewStateException([NotAsked(step, findingId, "$.findingId")]);
        }

        return Answer(step, answer);
    }

    private static ValidationProblem NotAsked(InterviewStep step, string findingId, string path) => new(
        ErrorCodes.InterviewAnswerNotAsked,
        path,
        step.NextQuestion is { } asked
            ? $"The answer is for '{findingId}', but the interview asked '{asked.Finding.Id}' at this point."
            : $"The answer is for '{findingId}', but the interview had stopped ({step.StopReason}) and asked nothing more.");

    /// <summary>Runs a whole interview: asks each next question through <paramref name="answer"/> until the stop rule says stop.</summary>
    /// <param name="start">The starting case: what is already known (age, sex, any findings).</param>
    /// <param name="answer">Answers a question: present, absent, or unknown when the patient cannot say.</param>
    /// <returns>The transcript with the final result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="CaseValidationException">The starting case has problems; the exception lists every one.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="answer"/> returned a value that is not a <see cref="FindingState"/>; the message names the finding.</exception>
    public InterviewTranscript Conduct(PatientCase start, Func<QuestionSuggestion, FindingState> answer)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(answer);
        var answers = ImmutableArray.CreateBuilder<InterviewAnswer>();
        var step = Step(start);
        while (step.NextQuestion is { } question)
        {
            var state = answer(question);
            if (!Enum.IsDefined(state))
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The answer to finding '{question.Finding.Id}' is {(int)state}, which is not a FindingState (Unknown, Present, Absent)."));
            }

            answers.Add(new InterviewAnswer(question, state));
            step = Answer(step, state);
        }

        return new InterviewTranscript(answers.ToImmutable(), step);
    }

    private InterviewStep Stop(TriageResult result, int asked, int redFlagsAsked, InterviewStopReason reason, string text) =>
        new(result, Audience, asked, redFlagsAsked, null, reason, text);

    /// <summary>Checks the case as the engine does (without allocating when it is valid) and rents this thread's analysis of it.</summary>
    private CaseAnalysis Analyse(PatientCase patientCase)
    {
        ArgumentNullException.ThrowIfNull(patientCase);
        return CaseAnalysis.RentIfValid(model, patientCase) ?? throw new CaseValidationException(Engine.Validate(patientCase));
    }

    /// <summary>
    /// The first of <see cref="Candidates"/> by <see cref="Compare"/>, found without listing them: when a red-flag question
    /// is open, only the cheapest red-flag questions of the most urgent gate among them are weighed (they outrank the
    /// rest whatever their figures).
    /// </summary>
    private QuestionSuggestion? Best(CaseAnalysis analysis)
    {
        var closed = analysis.Closed;
        var urgencyOf = analysis.OpenGateUrgencies();

        // The leading tier of red-flag questions (the same order as Compare): the lowest cost, then the most urgent gate.
        var cheapest = double.PositiveInfinity;
        var mostUrgent = -1;
        for (var f = 0; f < closed.Length; f++)
        {
            var urgency = urgencyOf[f];
            if (closed[f] || urgency < 0)
            {
                continue;
            }

            var cost = model.Costs[f];
            if (cost < cheapest)
            {
                (cheapest, mostUrgent) = (cost, urgency);
            }
            else if (cost == cheapest && urgency > mostUrgent)
            {
                mostUrgent = urgency;
            }
        }

        var best = mostUrgent >= 0 ? BestRedFlagQuestion(analysis, urgencyOf, (Urgency)mostUrgent, cheapest) : BestDiagnosticQuestion(analysis);
        return best is { } chosen ? Describe(analysis, chosen, 1) : null;
    }

    /// <summary>The first open question by <see cref="Compare"/> when no red-flag question is open.</summary>
    private Candidate? BestDiagnosticQuestion(CaseAnalysis analysis)
    {
        Candidate? best = null;
        var closed = analysis.Closed;
        for (var f = 0; f < closed.Length; f++)
        {
            if (closed[f])
            {
                continue;
            }

            var candidate = Weigh(analysis, f, null);
            if (best is not { } current || Compare(candidate, current) < 0)
            {
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>
    /// The first by <see cref="Compare"/> of the leading tier of red-flag questions (the given cost and gate urgency). They
    /// differ first by the expected cost of finishing the screen, so the expected gain, which comes next, is weighed
    /// only for the questions that share the lowest such cost.
    /// </summary>
    private Candidate? BestRedFlagQuestion(CaseAnalysis analysis, ReadOnlySpan<int> urgencyOf, Urgency urgency, double cost)
    {
        var closed = analysis.Closed;
        var count = closed.Length;

        // The tier narrows to its questions of the highest context rank (Compare, rule R8).
        var rankOf = analysis.OpenGateContextRanks();
        var rank = 0;
        for (var f = 0; f < count && rank < 2; f++)
        {
            if (!closed[f] && urgencyOf[f] == (int)urgency && model.Costs[f] == cost)
            {
                rank = Math.Max(rank, rankOf[f]);
            }
        }

        Span<double> present = count <= 1024 ? stackalloc double[count] : new double[count];
        Span<double> screenCost = count <= 1024 ? stackalloc double[count] : new double[count];
        var lowest = double.NaN;
        var any = false;
        for (var f = 0; f < count; f++)
        {
            if (closed[f] || urgencyOf[f] != (int)urgency || model.Costs[f] != cost || rankOf[f] != rank)
            {
                continue;
            }

            present[f] = analysis.PredictedPresentProbability(f);
            screenCost[f] = model.Costs[f] + analysis.ExpectedRedFlagCostAfter(f, present[f]);
            if (!any || screenCost[f].CompareTo(lowest) < 0)
            {
                (lowest, any) = (screenCost[f], true);
            }
        }

        Candidate? best = null;
        for (var f = 0; any && f < count; f++)
        {
            if (closed[f] || urgencyOf[f] != (int)urgency || model.Costs[f] != cost || rankOf[f] != rank || screenCost[f].CompareTo(lowest) != 0)
            {
                continue;
            }

            var candidate = new Candidate(f, model.KnowledgeBase.Findings[f].Kind, present[f], analysis.ExpectedGain(f, present[f]), model.Costs[f], urgency, screenCost[f], rank);
            if (best is not { } current || Compare(candidate, current) < 0)
            {
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>A question's figures: its predicted answer, expected gain, cost and, for a red-flag question, the expected cost of finishing the screen.</summary>
    private Candidate Weigh(CaseAnalysis analysis, int finding, Urgency? gateUrgency)
    {
        var present = analysis.PredictedPresentProbability(finding);
        var screenCost = gateUrgency is null ? 0 : model.Costs[finding] + analysis.ExpectedRedFlagCostAfter(finding, present);
        var contextRank = gateUrgency is null ? 0 : analysis.OpenGateContextRank(finding);
        return new Candidate(finding, model.KnowledgeBase.Findings[finding].Kind, present, analysis.ExpectedGain(finding, present), model.Costs[finding], gateUrgency, screenCost, contextRank);
    }

    /// <summary>Every open question with its figures, in finding order.</summary>
    private List<Candidate> Candidates(CaseAnalysis analysis)
    {
        var findings = model.KnowledgeBase.Findings;
        var candidates = new List<Candidate>(findings.Length);
        for (var f = 0; f < findings.Length; f++)
        {
            if (!analysis.IsClosed(f))
            {
                candidates.Add(Weigh(analysis, f, analysis.OpenGateUrgency(f)));
            }
        }

        return candidates;
    }

    private static int Compare(Candidate a, Candidate b)
    {
        var byFlag = b.GateUrgency.HasValue.CompareTo(a.GateUrgency.HasValue);
        if (byFlag != 0)
        {
            return byFlag;
        }

        // Among red-flag questions: the history before examining and examining before ordering a test; then the
        // most urgent gate; then a question of a gate in its context, then one whose answer can bring a gate's context
        // about, then the rest (rule R8, docs/interview.md: a clinician is asked about a hip replacement before the
        // skin over it); then the question expected to finish the screen at the least cost (its own cost plus the
        // expected cost of the red-flag questions its answer leaves open).
        if (a.GateUrgency is { } urgencyA && b.GateUrgency is { } urgencyB)
        {
            var byCost = a.Cost.CompareTo(b.Cost);
            if (byCost != 0)
            {
                return byCost;
            }

            var byUrgency = urgencyB.CompareTo(urgencyA);
            if (byUrgency != 0)
            {
                return byUrgency;
            }

            var byContext = b.ContextRank.CompareTo(a.ContextRank);
            if (byContext != 0)
            {
                return byContext;
            }

            var byScreen = a.ScreenCost.CompareTo(b.ScreenCost);
            if (byScreen != 0)
            {
                return byScreen;
            }
        }

        var byValue = (b.Gain / b.Cost).CompareTo(a.Gain / a.Cost);
        if (byValue != 0)
        {
            return byValue;
        }

        var byKind = a.Kind.CompareTo(b.Kind);
        return byKind != 0 ? byKind : a.Finding.CompareTo(b.Finding);
    }

    private QuestionSuggestion Describe(CaseAnalysis analysis, Candidate candidate, int rank)
    {
        analysis.Favoured(candidate.Finding, Negligible, out var yes, out var no);
        var causes = model.KnowledgeBase.Causes;
        var favouredByYes = yes >= 0 ? causes[yes] : null;
        var favouredByNo = no >= 0 ? causes[no] : null;
        var gates = MostUrgentFirst(analysis.OpenGates(candidate.Finding));
        return new QuestionSuggestion(
            rank,
            model.KnowledgeBase.Findings[candidate.Finding],
            gates,
            candidate.PredictedPresentProbability,
            candidate.Gain,
            candidate.Cost,
            favouredByYes,
            favouredByNo,
            Reason(gates, favouredByYes, favouredByNo),
            WordingOf(model.KnowledgeBase.Findings[candidate.Finding]));
    }

    /// <summary>The gates, most urgent first, equal urgencies in their order (a stable sort).</summary>
    private static ImmutableArray<RedFlag> MostUrgentFirst(List<RedFlag>? gates)
    {
        if (gates is null)
        {
            return [];
        }

        var sorted = gates.ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            var gate = sorted[i];
            var place = i;
            for (; place > 0 && sorted[place - 1].Urgency < gate.Urgency; place--)
            {
                sorted[place] = sorted[place - 1];
            }

            sorted[place] = gate;
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(sorted);
    }

    /// <summary>
    /// Why the question is asked: the gates it can fire or rule out, and the two causes its answer separates, written
    /// into one string (the only text allocated).
    /// </summary>
    private static string Reason(ImmutableArray<RedFlag> gates, Cause? favouredByYes, Cause? favouredByNo)
    {
        var separates = favouredByYes is not null && favouredByNo is not null;
        if (gates.IsEmpty && !separates)
        {
            return "No answer moves the differential; nothing more informative is open.";
        }

        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        if (!gates.IsEmpty)
        {
            text.AppendLiteral("Red flag: the answer can fire or rule out ");
            for (var i = 0; i < gates.Length; i++)
            {
                text.AppendLiteral(i == 0 ? "'" : " and '");
                text.AppendFormatted(gates[i].Name);
                text.AppendLiteral("' (");
                text.AppendFormatted(gates[i].Urgency);
                text.AppendLiteral(")");
            }

            text.AppendLiteral(separates ? "; it also separates " : ".");
        }
        else
        {
            text.AppendLiteral("Separates ");
        }

        if (separates)
        {
            AppendShortName(ref text, favouredByYes!);
            text.AppendLiteral(" from ");
            AppendShortName(ref text, favouredByNo!);
            text.AppendLiteral(" (a yes favours the first, a no the second).");
        }

        return text.ToStringAndClear();
    }

    /// <summary>The cause's name without its bracketed part, lower-cased at the start unless it starts with an abbreviation.</summary>
    private static void AppendShortName(ref DefaultInterpolatedStringHandler text, Cause cause)
    {
        var name = cause.Name.AsSpan();
        var bracket = name.IndexOf(" (", StringComparison.Ordinal);
        name = bracket > 0 ? name[..bracket] : name;
        if (name.Length > 1 && char.IsUpper(name[0]) && !char.IsUpper(name[1]))
        {
            Span<char> first = [char.ToLowerInvariant(name[0])];
            text.AppendFormatted((ReadOnlySpan<char>)first);
            name = name[1..];
        }

        text.AppendFormatted(name);
    }

    private string WordingOf(Finding finding) => model.Options.Audience == InterviewAudience.Patient
        ? finding.PatientQuestion ?? finding.Question ?? finding.Name
        : finding.Question ?? finding.Name;

    private readonly record struct Candidate(int Finding, FindingKind Kind, double PredictedPresentProbability, double Gain, double Cost, Urgency? GateUrgency, double ScreenCost, int ContextRank);
}
