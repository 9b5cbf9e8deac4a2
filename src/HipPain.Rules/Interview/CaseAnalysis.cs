using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Interview;

/// <summary>
/// One case seen through an <see cref="InterviewModel"/>: the current log-odds, rule and gate outcomes, and what
/// each open question's answers would do. Used on one thread at a time. Its buffers are sized by the model once and
/// refilled for each case (<see cref="TryLoad"/>), so <see cref="Rent"/> reuses an analysis the model keeps spare. The spares
/// belong to the model, not to a thread: when an interviewer (or a swapped knowledge base) is no longer referenced, its
/// spare analyses are collected with it.
/// </summary>
internal sealed class CaseAnalysis
{
    private static readonly double Ln2 = Math.Log(2);

    private readonly InterviewModel model;
    private readonly FindingState[] states;
    // A finding is closed once the case names it, or when the interview's audience cannot be asked it.
    private readonly bool[] closed;
    private readonly double[] unitLogs;
    private readonly int[] gateOutcomes;
    private readonly int[] hypotheticalOutcomes;
    private readonly bool[] gateContextMet;
    private readonly double[] logProbability;
    private readonly double[] probability;
    // Each cause's share of the differential (Share), worked out once per case rather than once per cause and question.
    private readonly double[] share;
    private readonly double[] delta;
    private readonly double[] scratch;
    private readonly double[] shift;
    private int age;
    private Sex sex;
    private double total;

    // The posteriors of hypothetical answers, cleared for each case: many answers move a cause by the same log ratio,
    // and the chosen question's shares repeat what its expected gain computed.
    private readonly PosteriorCache posteriors = new();

    // Which findings are live in which gates (by slot, see InterviewModel.GateSlotStart), filled on first use for each
    // case: now, and after one hypothetical answer for the gates that read its finding (those stamped with the visit).
    private readonly bool[] liveNow;
    private readonly bool[] liveAfter;
    private readonly bool[] marks;
    private readonly int[] gateVisit;
    private readonly int[] openUrgency;
    private readonly int[] openContextRank;
    private readonly int[] nodeOutcomes;
    private bool liveReady;

    // The red-flag screen, filled on first use for each case: which open findings are red-flag questions now, what
    // they cost together, and scratch space for one hypothetical answer.
    private bool redFlagScreenReady;
    private bool[]? redFlagOpen;
    private double redFlagOpenCost;
    private int[]? hypotheticalGates;
    private int[]? visited;
    private int visit;

    /// <summary>Analyses a case (a new analysis with its own buffers).</summary>
    /// <exception cref="CaseValidationException">The case has problems; the exception lists every one.</exception>
    public CaseAnalysis(InterviewModel model, PatientCase patientCase)
        : this(model)
    {
        if (!TryLoad(patientCase))
        {
            throw new CaseValidationException(CaseValidator.Validate(patientCase, model.Compiled));
        }
    }

    private CaseAnalysis(InterviewModel model)
    {
        this.model = model;
        var findingCount = model.KnowledgeBase.Findings.Length;
        var causeCount = model.PriorLogOdds.Length;
        states = new FindingState[findingCount];
        closed = new bool[findingCount];
        LogOdds = new double[causeCount];
        unitLogs = new double[model.Tables.UnitCount];
        gateOutcomes = new int[model.Gates.Length];
        hypotheticalOutcomes = new int[model.Gates.Length];
        gateContextMet = new bool[model.Gates.Length];
        logProbability = new double[causeCount];
        probability = new double[causeCount];
        share = new double[causeCount];
        delta = new double[causeCount];
        scratch = new double[causeCount];
        shift = new double[causeCount];
        liveNow = new bool[model.SlotInScreen.Length];
        liveAfter = new bool[model.SlotInScreen.Length];
        marks = new bool[findingCount];
        gateVisit = new int[model.Gates.Length];
        openUrgency = new int[findingCount];
        openContextRank = new int[findingCount];
        nodeOutcomes = new int[model.Program.NodeCount];
    }

    /// <summary>
    /// A spare analysis of the model (a new one when the calling thread's slot is empty), loaded with the case. Give it
    /// back with <see cref="Return"/> once nothing reads it any more; until then, a nested or concurrent call gets an
    /// analysis of its own. Taking a spare is one atomic exchange, so two threads never share one.
    /// </summary>
    /// <exception cref="CaseValidationException">The case has problems; the exception lists every one.</exception>
    public static CaseAnalysis Rent(InterviewModel model, PatientCase patientCase) =>
        RentIfValid(model, patientCase) ?? throw new CaseValidationException(CaseValidator.Validate(patientCase, model.Compiled));

    /// <summary>
    /// As <see cref="Rent"/>, with the case checked as the engine checks it (<see cref="CaseValidator.TryCopyStates"/>, without
    /// allocating) straight into the analysis's states, so that its findings are looked up once; null (with nothing
    /// rented) when the case has problems.
    /// </summary>
    public static CaseAnalysis? RentIfValid(InterviewModel model, PatientCase patientCase)
    {
        var analysis = TakeSpare(model);
        if (!analysis.TryLoad(patientCase))
        {
            analysis.Return();
            return null;
        }

        return analysis;
    }

    /// <summary>The calling thread's spare analysis of the model, taken with one atomic exchange, or a new one.</summary>
    private static CaseAnalysis TakeSpare(InterviewModel model) =>
        Interlocked.Exchange(ref model.Spares[SlotOf(model)], null) ?? new CaseAnalysis(model);

    /// <summary>Keeps the analysis as a spare of its model for the next <see cref="Rent"/> (replacing any spare in that slot).</summary>
    public void Return() => Volatile.Write(ref model.Spares[SlotOf(model)], this);

    /// <summary>The calling thread's slot among the model's spares (threads share a slot when there are more threads than slots).</summary>
    private static int SlotOf(InterviewModel model) => Environment.CurrentManagedThreadId % model.Spares.Length;

    /// <summary>
    /// Fills every buffer for the case, overwriting what the previous case left: false (the buffers unspecified) when the
    /// case has problems.
    /// </summary>
    private bool TryLoad(PatientCase patientCase)
    {
        if (!CaseValidator.TryCopyStates(patientCase, model.Compiled, states, problems: null))
        {
            return false;
        }

        CloseNamedFindings(patientCase);
        Analyse(patientCase);
        return true;
    }

    /// <summary>
    /// Closes what cannot be asked: the findings the audience is not asked, the one-sex findings of the other sex when
    /// the case gives its sex, and every finding the case names (those with a state, read from the states already
    /// filled, and those it lists as unknown).
    /// </summary>
    private void CloseNamedFindings(PatientCase patientCase)
    {
        Array.Copy(model.NotAskable, closed, closed.Length);
        var sex = patientCase.Sex;
        for (var f = 0; f < states.Length; f++)
        {
            closed[f] |= states[f] != FindingState.Unknown
                || (sex is Sex.Female or Sex.Male && model.FindingSex[f] is not Sex.Unspecified && model.FindingSex[f] != sex);
        }

        foreach (var (findingId, state) in patientCase.Observations)
        {
            if (state == FindingState.Unknown)
            {
                closed[model.FindingIndex[findingId]] = true;
            }
        }
    }

    /// <summary>Fills every buffer but the states and the closed findings, which the caller has filled for the case.</summary>
    private void Analyse(PatientCase patientCase)
    {
        age = patientCase.Age ?? CriterionProgram.NoAge;
        sex = patientCase.Sex;
        var tables = model.Tables;
        tables.TryScore(states, age, sex, LogOdds, unitLogs, out _);

        // Each gate at or above the red-flag urgency is evaluated with its live findings marked (see EnsureLive).
        for (var g = 0; g < model.Gates.Length; g++)
        {
            gateOutcomes[g] = model.GateScreened[g] ? EvaluateAndFillLive(g, liveNow) : model.Program.Evaluate(model.GateRoots[g], states, age, sex);
        }

        Urgency = UrgencyRule.Settled(gateOutcomes, model.GateUrgencies);

        // Only a patient interview leaves a gate's questions unasked until its context appears (see Asks); both
        // audiences ask the questions of gates in their context first (see OpenGateContextRank).
        for (var g = 0; g < model.Gates.Length; g++)
        {
            var context = model.ContextRoots[g];
            gateContextMet[g] = context < 0 || model.Program.Evaluate(context, states, age, sex) == CriterionProgram.Met;
        }

        for (var c = 0; c < LogOdds.Length; c++)
        {
            probability[c] = Posterior.ProbabilityAndLog(LogOdds[c], out logProbability[c]);
        }

        total = Posterior.Normalise(probability, share);
        posteriors.Clear();
        liveReady = false;
        redFlagScreenReady = false;
    }

    /// <summary>Each cause's posterior log-odds, in knowledge-base order.</summary>
    public double[] LogOdds { get; }

    /// <summary>The urgency the gates settle for the case, by the engine's <see cref="UrgencyRule"/>.</summary>
    public Urgency Urgency { get; private set; }

    /// <summary>True when the finding cannot be asked now: the case names it, or the audience cannot answer it.</summary>
    public bool IsClosed(int finding) => closed[finding];

    public bool AnyOpen() => Array.IndexOf(closed, false) >= 0;

    /// <summary>By finding: true when it cannot be asked now (<see cref="IsClosed"/>).</summary>
    public ReadOnlySpan<bool> Closed => closed;

    /// <summary>By finding: <see cref="OpenGateUrgency"/> as an integer, -1 for none.</summary>
    public ReadOnlySpan<int> OpenGateUrgencies()
    {
        EnsureLive();
        return openUrgency;
    }

    /// <summary>A cause's normalised share of the differential (uniform when every probability underflows).</summary>
    public double Share(int cause) => share[cause];

    /// <summary>The predicted chance that the finding is present: shares weighted by each cause's rate.</summary>
    public double PredictedPresentProbability(int finding)
    {
        var rates = model.RatesByFinding.AsSpan(finding * share.Length, share.Length);
        var p = 0.0;
        for (var c = 0; c < rates.Length; c++)
        {
            p += share[c] * rates[c];
        }

        return p;
    }

    /// <summary>The expected information gain of asking the finding, in bits (see <see cref="QuestionSuggestion.ExpectedGain"/>).</summary>
    public double ExpectedGain(int finding, double predictedPresentProbability) =>
        (predictedPresentProbability * Divergence(finding, FindingState.Present)) + ((1 - predictedPresentProbability) * Divergence(finding, FindingState.Absent));

    /// <summary>Each cause's log-odds after the finding gets the answer, as the interviewer predicts them (for tests: they equal the engine's).</summary>
    public double[] LogOddsAfter(int finding, FindingState answer)
    {
        Delta(finding, answer);
        return [.. LogOdds.Select((l, c) => l + delta[c])];
    }

    /// <summary>
    /// The cause whose share a "yes" raises most relative to a "no" (<paramref name="yes"/>) and the one a "no" raises
    /// most (<paramref name="no"/>), by <see cref="ShareShift"/>; -1 when no share moves by more than
    /// <paramref name="negligible"/>. Ties go to the earlier cause.
    /// </summary>
    public void Favoured(int finding, double negligible, out int yes, out int no)
    {
        ShareShift(finding, shift);
        (yes, no) = (-1, -1);
        for (var c = 0; c < shift.Length; c++)
        {
            if (shift[c] > negligible && (yes < 0 || shift[c] > shift[yes]))
            {
                yes = c;
            }

            if (shift[c] < -negligible && (no < 0 || shift[c] < shift[no]))
            {
                no = c;
            }
        }
    }

    /// <summary>Each cause's share after a "yes" minus its share after a "no".</summary>
    public void ShareShift(int finding, double[] shift)
    {
        Shares(finding, FindingState.Present, shift);
        Shares(finding, FindingState.Absent, scratch);
        for (var c = 0; c < shift.Length; c++)
        {
            shift[c] -= scratch[c];
        }
    }

    /// <summary>
    /// How close the finding's gates of its <see cref="OpenGateUrgency"/> are to their context (docs/interview.md, rule
    /// R8), the best over those gates: 2 when a gate is in its context (it has no <see cref="RedFlag.AskWhen"/>, or it
    /// is met) or the finding is in the gate's universal screen; 1 when the finding is read by the gate's context, so
    /// its answer can bring the context about; 0 otherwise. Among red-flag questions of the same cost and urgency, the
    /// higher rank comes first. Every red-flag question a patient interview asks has rank 2, so the rule orders only a
    /// clinician's questions.
    /// </summary>
    public int OpenGateContextRank(int finding)
    {
        EnsureLive();
        return openContextRank[finding];
    }

    /// <summary>By finding: <see cref="OpenGateContextRank"/>, read once for a whole pass over the findings.</summary>
    public ReadOnlySpan<int> OpenGateContextRanks()
    {
        EnsureLive();
        return openContextRank;
    }

    /// <summary>The highest urgency among <see cref="OpenGates"/>, without listing them; null when there are none. Found once per case for every finding.</summary>
    public Urgency? OpenGateUrgency(int finding)
    {
        EnsureLive();
        return openUrgency[finding] < 0 ? null : (Urgency)openUrgency[finding];
    }

    /// <summary>
    /// The undecided gates at or above the red-flag urgency whose outcome the finding can still change: gates where
    /// the finding sits in an undecided branch of the criterion (a decided branch cannot change again).
    /// </summary>
    public List<RedFlag>? OpenGates(int finding)
    {
        EnsureLive();
        List<RedFlag>? open = null;
        var gates = model.GatesByFinding[finding];
        var slots = model.GateSlotsByFinding[finding];
        for (var k = 0; k < gates.Length; k++)
        {
            var g = gates[k];
            if (gateOutcomes[g] == CriterionProgram.Undecided && model.GateScreened[g] && liveNow[slots[k]] && Asks(g, slots[k]))
            {
                (open ??= []).Add(model.Gates[g]);
            }
        }

        return open;
    }

    /// <summary>
    /// The expected total cost of the red-flag questions still open after this finding is answered, one answer
    /// ahead: P(present) times the cost left after "present" plus P(absent) times the cost left after "absent".
    /// Among red-flag questions, the one with the smallest cost plus this value is expected to finish the red-flag
    /// screen soonest.
    /// </summary>
    public double ExpectedRedFlagCostAfter(int finding, double predictedPresentProbability)
    {
        if (!redFlagScreenReady)
        {
            redFlagScreenReady = true;
            redFlagOpen ??= new bool[closed.Length];
            hypotheticalGates ??= new int[gateOutcomes.Length];
            visited ??= new int[closed.Length];
            Array.Clear(redFlagOpen);
            redFlagOpenCost = 0;
            for (var f = 0; f < closed.Length; f++)
            {
                if (!closed[f] && OpenGateUrgency(f) is not null)
                {
                    redFlagOpen[f] = true;
                    redFlagOpenCost += model.Costs[f];
                }
            }
        }

        return (predictedPresentProbability * RedFlagCostAfter(finding, FindingState.Present)) + ((1 - predictedPresentProbability) * RedFlagCostAfter(finding, FindingState.Absent));
    }

    /// <summary>True when some answer to some open question changes the top three causes (which they are, or their order) or the urgency.</summary>
    public bool CanChangeTopThreeOrUrgency()
    {
        var top = TopThree(LogOdds);
        var outcomes = hypotheticalOutcomes;
        for (var f = 0; f < closed.Length; f++)
        {
            if (closed[f])
            {
                continue;
            }

            foreach (var answer in (ReadOnlySpan<FindingState>)[FindingState.Present, FindingState.Absent])
            {
                if (Delta(f, answer))
                {
                    for (var c = 0; c < scratch.Length; c++)
                    {
                        scratch[c] = LogOdds[c] + delta[c];
                    }

                    if (TopThree(scratch) != top)
                    {
                        return true;
                    }
                }

                if (model.GatesByFinding[f].Length > 0)
                {
                    Array.Copy(gateOutcomes, outcomes, outcomes.Length);
                    states[f] = answer;
                    Reevaluate(f, outcomes);
                    states[f] = FindingState.Unknown;
                    if (UrgencyRule.Settled(outcomes, model.GateUrgencies) != Urgency)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private double RedFlagCostAfter(int finding, FindingState answer)
    {
        var outcomes = hypotheticalGates!;
        Array.Copy(gateOutcomes, outcomes, outcomes.Length);
        states[finding] = answer;
        if (visit == int.MaxValue)
        {
            Array.Clear(visited!);
            Array.Clear(gateVisit);
            visit = 0;
        }

        visit++;

        // The undecided gates that read the finding are evaluated again, with their live findings after the answer; no
        // other gate's outcome or live findings can change.
        foreach (var g in model.GatesByFinding[finding])
        {
            gateVisit[g] = visit;
            if (outcomes[g] == CriterionProgram.Undecided)
            {
                outcomes[g] = model.GateScreened[g] ? EvaluateAndFillLive(g, liveAfter) : model.Program.Evaluate(model.GateRoots[g], states, age, sex);
            }
        }

        // Only findings that share a gate with this one can change; every other open red-flag question stays open.
        var cost = redFlagOpenCost - (redFlagOpen![finding] ? model.Costs[finding] : 0);
        foreach (var g in model.GatesByFinding[finding])
        {
            foreach (var other in model.GateFindings[g])
            {
                if (other == finding || closed[other] || visited![other] == visit)
                {
                    continue;
                }

                visited[other] = visit;
                var open = IsRedFlagQuestionAfter(other, outcomes);
                if (open != redFlagOpen[other])
                {
                    cost += open ? model.Costs[other] : -model.Costs[other];
                }
            }
        }

        states[finding] = FindingState.Unknown;
        return cost;
    }

    /// <summary>Re-evaluates the undecided gates that read the finding, with its hypothetical answer already in the states.</summary>
    private void Reevaluate(int finding, int[] outcomes)
    {
        foreach (var g in model.GatesByFinding[finding])
        {
            if (outcomes[g] == CriterionProgram.Undecided)
            {
                outcomes[g] = model.Program.Evaluate(model.GateRoots[g], states, age, sex);
            }
        }
    }

    /// <summary>
    /// True when the finding is a red-flag question after the hypothetical answer of <see cref="RedFlagCostAfter"/>
    /// (its gates' <paramref name="outcomes"/>, and live findings from <see cref="liveAfter"/> for the gates that
    /// read the answered finding, from <see cref="liveNow"/> for the rest).
    /// </summary>
    private bool IsRedFlagQuestionAfter(int finding, int[] outcomes)
    {
        var gates = model.GatesByFinding[finding];
        var slots = model.GateSlotsByFinding[finding];
        for (var k = 0; k < gates.Length; k++)
        {
            var g = gates[k];
            if (outcomes[g] == CriterionProgram.Undecided && model.GateScreened[g] && (gateVisit[g] == visit ? liveAfter : liveNow)[slots[k]] && Asks(g, slots[k]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Fills <see cref="openUrgency"/> for the case from <see cref="liveNow"/>, which <see cref="TryLoad"/> wrote while
    /// evaluating the gates: for each undecided gate at or above the red-flag urgency, which of its findings sit in an
    /// undecided branch (<see cref="CriterionProgram.IsLive"/>), found in one walk per gate.
    /// </summary>
    private void EnsureLive()
    {
        if (liveReady)
        {
            return;
        }

        liveReady = true;

        // Gate by gate, only the undecided ones at or above the red-flag urgency: each raises its live findings to its urgency.
        Array.Fill(openUrgency, -1);
        Array.Clear(openContextRank);
        for (var g = 0; g < gateOutcomes.Length; g++)
        {
            if (gateOutcomes[g] != CriterionProgram.Undecided || !model.GateScreened[g])
            {
                continue;
            }

            var urgency = (int)model.GateUrgencies[g];
            var findings = model.GateFindings[g];
            var start = model.GateSlotStart[g];
            for (var i = 0; i < findings.Length; i++)
            {
                var slot = start + i;
                if (!liveNow[slot] || urgency < openUrgency[findings[i]] || !Asks(g, slot))
                {
                    continue;
                }

                var rank = model.SlotInScreen[slot] || gateContextMet[g] ? 2 : model.SlotInContext[slot] ? 1 : 0;
                openContextRank[findings[i]] = urgency == openUrgency[findings[i]] ? Math.Max(openContextRank[findings[i]], rank) : rank;
                openUrgency[findings[i]] = urgency;
            }
        }
    }

    /// <summary>Evaluates gate <paramref name="gate"/> for the current states and writes its slots of <paramref name="live"/> (all false unless it is undecided).</summary>
    private int EvaluateAndFillLive(int gate, bool[] live)
    {
        var outcome = model.Program.EvaluateAndMarkLive(model.GateRoots[gate], states, age, sex, nodeOutcomes, marks);
        var findings = model.GateFindings[gate];
        var start = model.GateSlotStart[gate];
        for (var i = 0; i < findings.Length; i++)
        {
            live[start + i] = marks[findings[i]];
            marks[findings[i]] = false;
        }

        return outcome;
    }

    /// <summary>
    /// True when the interview asks the gate's question about the finding in <paramref name="slot"/> now: always for a
    /// clinician; for a patient when the finding is in the gate's universal screen, or the gate has no context, or its
    /// context is met.
    /// </summary>
    private bool Asks(int gate, int slot) =>
        !model.Patient || model.SlotInScreen[slot] || gateContextMet[gate];

    /// <summary>
    /// The top three causes in order (fewer for a smaller base, -1 for none) by the engine's own ranking rule
    /// (<see cref="CauseRanking"/>: log-odds, ties by cause id).
    /// </summary>
    private (int, int, int) TopThree(double[] logOdds)
    {
        Span<int> picked = [-1, -1, -1];
        CauseRanking.Rank(logOdds, model.CauseIdRank, picked[..Math.Min(3, logOdds.Length)]);
        return (picked[0], picked[1], picked[2]);
    }

    /// <summary>
    /// Fills <see cref="delta"/> with each cause's change of log-odds when the finding gets the answer; false when
    /// nothing changes. Only the scoring units that read the finding (rules, evidence groups, graded rules) are
    /// evaluated again, through the engine's own tables.
    /// </summary>
    private bool Delta(int finding, FindingState answer)
    {
        Array.Clear(delta);
        var changed = false;
        var tables = model.Tables;
        states[finding] = answer;
        for (var i = tables.FindingUnitStart[finding]; i < tables.FindingUnitStart[finding + 1]; i++)
        {
            var unit = tables.FindingUnits[i];
            var change = tables.UnitLog(unit, states, age, sex) - unitLogs[unit];
            if (change != 0)
            {
                delta[tables.UnitCause(unit)] += change;
                changed = true;
            }
        }

        states[finding] = FindingState.Unknown;
        return changed;
    }

    /// <summary>KL(shares after the answer || shares now), in bits; 0 when nothing moves.</summary>
    private double Divergence(int finding, FindingState answer)
    {
        if (!Delta(finding, answer) || !(total > 0))
        {
            return 0;
        }

        // Causes the answer leaves alone keep their probability, so their terms collapse into ln(total / after);
        // the sum over the moved causes is divided by the new total once it is known.
        var after = total;
        var sum = 0.0;
        for (var c = 0; c < delta.Length; c++)
        {
            if (delta[c] != 0)
            {
                var probabilityAfter = posteriors.ProbabilityAndLog(LogOdds[c] + delta[c], out var logAfter);
                after += probabilityAfter - probability[c];
                sum += probabilityAfter * (logAfter - logProbability[c]);
            }
        }

        if (!(after > 0))
        {
            return 0;
        }

        var divergence = ((sum / after) + Math.Log(total / after)) / Ln2;
        return Math.Max(0, divergence);
    }

    private void Shares(int finding, FindingState answer, double[] shares)
    {
        Delta(finding, answer);
        for (var c = 0; c < shares.Length; c++)
        {
            shares[c] = delta[c] != 0 ? posteriors.ProbabilityAndLog(LogOdds[c] + delta[c], out _) : probability[c];
        }

        Posterior.Normalise(shares, shares);
    }
}
