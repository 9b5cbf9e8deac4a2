using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HipPain.Rules.Model;

namespace HipPain.Rules.Scoring;

/// <summary>
/// The dense arrays the scoring loop reads: the one compiled core that the span API, the full result's explanation
/// and the interviewer all score through. Three kinds of scoring unit, each adding to one cause's log-odds:
/// <list type="number">
/// <item>Ungrouped single-finding rules, laid out per finding in compressed sparse rows: for finding <c>f</c>,
/// entries <c>FindingRuleStart[f]</c> up to <c>FindingRuleStart[f + 1]</c> hold a cause index and the natural log of
/// the likelihood ratio for Present and for Absent.</item>
/// <item>Other ungrouped criterion rules (composite, age, sex): a flat row of cause index, criterion root and the two
/// log ratios.</item>
/// <item>Evidence groups, then every ungrouped graded rule as a group of one joint member: each group a run of
/// members (a criterion rule with its two log ratios, or a graded rule with its table), evaluated by
/// <see cref="EvaluateGroup"/>.</item>
/// </list>
/// </summary>
/// <remarks>
/// Summation order is fixed: the prior log-odds, then the single-finding rules of each stated finding in
/// finding-index order (within a finding in authoring order), then the other criterion rules in authoring order,
/// then the evidence groups in authoring order (each adding its joint figure, or its strongest member for plus its
/// strongest member against, in that order), then the ungrouped graded rules in authoring order. The same input
/// therefore always gives bitwise the same output.
/// </remarks>
internal sealed class ScoringTables
{
    /// <summary>The most other rules and groups whose reading of the case <see cref="TryScore(ReadOnlySpan{FindingState}, int, Sex, Span{double}, Span{double}, out int)"/> tracks on the stack.</summary>
    private const int TrackedUnitLimit = 16_384;

    /// <summary>A member whose outcome (or graded count) is not decided yet: it changes nothing.</summary>
    public const int MemberUndecided = 0;

    /// <summary>A graded member decided on a count whose entry is null: it changes nothing, and does not count alone.</summary>
    public const int MemberNoFigure = 1;

    /// <summary>A member decided with a figure.</summary>
    public const int MemberFigure = 2;

    /// <summary>The number of <see cref="Sex"/> values (Unspecified, Female, Male): the columns of an age-and-sex table.</summary>
    private const int SexCount = 3;

    /// <summary>The number of age indices: no age (index 0), then every age from 0 to <see cref="PatientCase.MaximumAge"/> (index age + 1).</summary>
    private const int AgeIndexCount = PatientCase.MaximumAge + 2;

    public ScoringTables(KnowledgeBase knowledgeBase, Dictionary<string, int> findingIndex, Dictionary<string, int> causeIndex, CriterionProgram program)
    {
        Program = program;
        FindingCount = knowledgeBase.Findings.Length;
        CauseCount = knowledgeBase.Causes.Length;
        PriorLogOdds = [.. knowledgeBase.Causes.Select(c => Logit(c.Prior))];
        var rules = knowledgeBase.Rules;
        var ruleIndex = new Dictionary<string, int>(rules.Length, StringComparer.Ordinal);
        for (var r = 0; r < rules.Length; r++)
        {
            ruleIndex.Add(rules[r].Id, r);
        }

        // Every rule's criterion (or graded parts) is compiled once; the explanation evaluates the same roots.
        RuleRoot = [.. rules.Select(r => r switch
        {
            CriterionRule c => program.Add(c.Criterion, findingIndex),
            GradedRule g => program.AddParts(g.Parts, findingIndex),
            _ => throw new NotSupportedException($"Rule type {r.GetType().Name} cannot be compiled."),
        })];
        RuleGroup = Enumerable.Repeat(-1, rules.Length).ToArray();
        RuleMember = Enumerable.Repeat(-1, rules.Length).ToArray();

        var grouped = knowledgeBase.Groups.SelectMany(g => g.Members).Select(m => m.RuleId).ToHashSet(StringComparer.Ordinal);
        var single = new List<(int Finding, int Cause, double IfPresent, double IfAbsent)>();
        var general = new List<(int Cause, int Root, double IfMet, double IfNotMet, int Rule)>();
        for (var r = 0; r < rules.Length; r++)
        {
            // Casts rather than declaration patterns here and below: Stryker.NET's mutants of a pattern that declares a
            // variable do not compile, and its safe mode then drops every mutant of this class (docs/safety/mutation.md).
            var rule = rules[r] as CriterionRule;
            if (rule is null || grouped.Contains(rule.Id))
            {
                continue;
            }

            var cause = causeIndex[rule.CauseId];
            var (logPositive, logNegative) = (Math.Log(rule.Ratio.Positive), Math.Log(rule.Ratio.Negative));
            var finding = rule.Criterion as FindingCriterion;
            if (finding is not null)
            {
                var present = finding.Expected == FindingState.Present;
                single.Add((findingIndex[finding.FindingId], cause, present ? logPositive : logNegative, present ? logNegative : logPositive));
            }
            else
            {
                general.Add((cause, RuleRoot[r], logPositive, logNegative, r));
            }
        }

        // A stable sort by finding keeps authoring order within each finding's row.
        var ordered = single.Select((entry, order) => (entry, order)).OrderBy(p => p.entry.Finding).ThenBy(p => p.order).Select(p => p.entry).ToArray();
        FindingRuleStart = new int[FindingCount + 1];
        foreach (var entry in ordered)
        {
            FindingRuleStart[entry.Finding + 1]++;
        }

        for (var f = 0; f < FindingCount; f++)
        {
            FindingRuleStart[f + 1] += FindingRuleStart[f];
        }

        FindingRuleFinding = [.. ordered.Select(e => e.Finding)];
        FindingRuleCause = [.. ordered.Select(e => e.Cause)];
        FindingRuleLogRatios = [.. ordered.SelectMany(e => new[] { e.IfPresent, e.IfAbsent })];
        GeneralRuleCause = [.. general.Select(g => g.Cause)];
        GeneralRuleRoot = [.. general.Select(g => g.Root)];
        GeneralRuleLogRatios = [.. general.SelectMany(g => new[] { g.IfMet, g.IfNotMet })];
        GeneralRuleIndex = [.. general.Select(g => g.Rule)];

        // Groups: the evidence groups, then each ungrouped graded rule alone as a joint member.
        var groups = knowledgeBase.Groups.Select(g => (g.CauseId, Members: g.Members.Select(m => (Rule: ruleIndex[m.RuleId], m.IsJoint)).ToArray(), Group: (EvidenceGroup?)g))
            .Concat(rules.Select((rule, r) => (rule, r)).Where(p => p.rule is GradedRule && !grouped.Contains(p.rule.Id))
                .Select(p => (p.rule.CauseId, Members: new[] { (Rule: p.r, IsJoint: true) }, Group: (EvidenceGroup?)null)))
            .ToArray();
        Groups = [.. groups.Select(g => g.Group)];
        GroupCause = [.. groups.Select(g => causeIndex[g.CauseId])];
        GroupMemberStart = new int[groups.Length + 1];
        var members = groups.SelectMany((g, index) => g.Members.Select(m => (Group: index, m.Rule, m.IsJoint))).ToArray();
        for (var g = 0; g < groups.Length; g++)
        {
            GroupMemberStart[g + 1] = GroupMemberStart[g] + groups[g].Members.Length;
        }

        MemberRule = [.. members.Select(m => m.Rule)];
        MemberRoot = [.. members.Select(m => RuleRoot[m.Rule])];
        MemberJoint = [.. members.Select(m => m.IsJoint)];
        MemberLogRatios = [.. members.SelectMany(m => MemberLogs(rules[m.Rule]))];
        MemberFinding = [.. members.Select(m => SingleFinding(rules[m.Rule]) is { } single ? findingIndex[single.FindingId] : -1)];
        MemberExpected = [.. members.Select(m => SingleFinding(rules[m.Rule])?.Expected ?? FindingState.Unknown)];
        var gradedRules = members.Select(m => rules[m.Rule]).OfType<GradedRule>().ToArray();
        MemberGraded = new int[members.Length];
        GradedStart = new int[gradedRules.Length + 1];
        var logs = new List<double>();
        var runs = new List<int>();
        var next = 0;
        for (var m = 0; m < members.Length; m++)
        {
            RuleGroup[members[m].Rule] = members[m].Group;
            RuleMember[members[m].Rule] = m;
            var graded = rules[members[m].Rule] as GradedRule;
            if (graded is null)
            {
                MemberGraded[m] = -1;
                continue;
            }

            MemberGraded[m] = next;
            for (var k = 0; k < graded.RatiosByCount.Length; k++)
            {
                var ratio = graded.RatiosByCount[k];
                logs.Add(ratio.HasValue ? Math.Log(ratio.Value) : double.NaN);

                // A run is a maximal stretch of equal entries: every count in [lo, hi] has one entry iff run[lo] == run[hi].
                if (k > 0 && Nullable.Equals(ratio, graded.RatiosByCount[k - 1]))
                {
                    runs.Add(runs[^1]);
                }
                else
                {
                    runs.Add(runs.Count);
                }
            }

            GradedStart[++next] = logs.Count;
        }

        GradedLog = [.. logs];
        GradedRun = [.. runs];
        (FindingUnitStart, FindingUnits) = UnitsByFinding(knowledgeBase, findingIndex);

        // Rank of each cause's id in ordinal order: the deterministic tie-break of the ranking.
        CauseIdOrder = new int[CauseCount];
        var byId = Enumerable.Range(0, CauseCount).OrderBy(c => knowledgeBase.Causes[c].Id, StringComparer.Ordinal).ToArray();
        for (var rank = 0; rank < byId.Length; rank++)
        {
            CauseIdOrder[byId[rank]] = rank;
        }

        // What each other rule and group adds when none of its findings is stated: it cannot change while they stay
        // unknown, unless it also reads the age or the sex.
        program.Freeze();
        var others = GeneralRuleCause.Length + GroupCause.Length;
        OtherUnitReadsAgeOrSex = new bool[others];
        OtherUnitIdleLog = new double[others];
        var unknown = new FindingState[FindingCount];
        for (var o = 0; o < others; o++)
        {
            OtherUnitReadsAgeOrSex[o] = o < GeneralRuleCause.Length
                ? ReadsAgeOrSex(rules[GeneralRuleIndex[o]])
                : Enumerable.Range(GroupMemberStart[o - GeneralRuleCause.Length], GroupMemberStart[o - GeneralRuleCause.Length + 1] - GroupMemberStart[o - GeneralRuleCause.Length]).Any(m => ReadsAgeOrSex(rules[MemberRule[m]]));
            OtherUnitIdleLog[o] = UnitLog(FindingRuleCause.Length + o, unknown, CriterionProgram.NoAge, Sex.Unspecified);
        }

        (FindingOtherUnitStart, FindingOtherUnits) = OtherUnitsByFinding();
        (AgeSexBreakStart, AgeSexBreaks, AgeSexTableStart, AgeSexLog) = AgeSexTables(rules, unknown);
        (AgeSexRowStart, AgeSexRowByAge) = AgeSexRows();
        SoloLog = SoloTables(unknown);
        OtherUnitCause = [.. GeneralRuleCause, .. GroupCause];

        // The other units the scoring visits for every case: those that read the age or the sex, or add something idle.
        OtherUnitAlwaysVisited = new ulong[(others + 63) / 64];
        for (var o = 0; o < others; o++)
        {
            if (OtherUnitReadsAgeOrSex[o] || OtherUnitIdleLog[o] != 0)
            {
                OtherUnitAlwaysVisited[o / 64] |= 1UL << (o % 64);
            }
        }

        OtherUnitVisitedByAgeAndSex = VisitedByAgeAndSex();
    }

    public int FindingCount { get; }

    public int CauseCount { get; }

    /// <summary>Prior log-odds by cause index.</summary>
    public double[] PriorLogOdds { get; }

    /// <summary>By rule index (the order of <see cref="KnowledgeBase.Rules"/>): the root of its criterion, or of its graded parts, in <see cref="Program"/>.</summary>
    public int[] RuleRoot { get; }

    /// <summary>By rule index: the group it is scored in (an evidence group, or its own group for an ungrouped graded rule); -1 for an ungrouped criterion rule.</summary>
    public int[] RuleGroup { get; }

    /// <summary>By rule index: its member index in its group; -1 for an ungrouped criterion rule.</summary>
    public int[] RuleMember { get; }

    /// <summary>Row starts by finding index; length <see cref="FindingCount"/> + 1.</summary>
    public int[] FindingRuleStart { get; }

    /// <summary>Finding index of each single-finding entry.</summary>
    public int[] FindingRuleFinding { get; }

    /// <summary>Cause index of each single-finding entry.</summary>
    public int[] FindingRuleCause { get; }

    /// <summary>Two log ratios per single-finding entry: at <c>2e</c> when the finding is Present, at <c>2e + 1</c> when Absent.</summary>
    public double[] FindingRuleLogRatios { get; }

    /// <summary>Cause index of each other ungrouped criterion rule.</summary>
    public int[] GeneralRuleCause { get; }

    /// <summary>Criterion root node of each other ungrouped criterion rule in <see cref="Program"/>.</summary>
    public int[] GeneralRuleRoot { get; }

    /// <summary>Two log ratios per other rule: at <c>2g</c> when met, at <c>2g + 1</c> when not met.</summary>
    public double[] GeneralRuleLogRatios { get; }

    /// <summary>Rule index of each other ungrouped criterion rule.</summary>
    public int[] GeneralRuleIndex { get; }

    /// <summary>By group index: the evidence group, or null for an ungrouped graded rule scored as a group of one.</summary>
    public EvidenceGroup?[] Groups { get; }

    /// <summary>Cause index of each group.</summary>
    public int[] GroupCause { get; }

    /// <summary>Member starts by group index; length <c>Groups.Length + 1</c>. Members keep the group's order.</summary>
    public int[] GroupMemberStart { get; }

    /// <summary>By member index: the rule index.</summary>
    public int[] MemberRule { get; }

    /// <summary>By member index: the criterion root (criterion rule) or parts root (graded rule).</summary>
    public int[] MemberRoot { get; }

    /// <summary>By member index: whether the member is joint.</summary>
    public bool[] MemberJoint { get; }

    /// <summary>Two log ratios per member: at <c>2m</c> when met, at <c>2m + 1</c> when not met (zero for a graded member).</summary>
    public double[] MemberLogRatios { get; }

    /// <summary>
    /// By member index: the finding of a member whose criterion is one finding (most members), decided by
    /// <see cref="EvaluateGroup"/> without walking the criterion; -1 for any other member.
    /// </summary>
    public int[] MemberFinding { get; }

    /// <summary>By member index: the state that meets a one-finding member's criterion (see <see cref="MemberFinding"/>).</summary>
    public FindingState[] MemberExpected { get; }

    /// <summary>By member index: the graded table index, or -1 for a criterion rule.</summary>
    public int[] MemberGraded { get; }

    /// <summary>By graded table index: the offset of its entry for 0 parts met in <see cref="GradedLog"/>; length tables + 1.</summary>
    public int[] GradedStart { get; }

    /// <summary>The log of each graded entry; NaN where the source gives no figure.</summary>
    public double[] GradedLog { get; }

    /// <summary>The run of each graded entry: two counts have one entry and everything between them too iff their runs are equal.</summary>
    public int[] GradedRun { get; }

    /// <summary>Unit starts by finding index (see <see cref="UnitLog"/>); length <see cref="FindingCount"/> + 1.</summary>
    public int[] FindingUnitStart { get; }

    /// <summary>The scoring units that read each finding, in unit order.</summary>
    public int[] FindingUnits { get; }

    /// <summary>
    /// Other-unit starts by finding index (see <see cref="FindingOtherUnits"/>); length <see cref="FindingCount"/> + 1.
    /// </summary>
    public int[] FindingOtherUnitStart { get; }

    /// <summary>
    /// For each finding, the other units that read it, numbered from 0: the other criterion rules (<c>g</c>), then the
    /// groups (<c>GeneralRuleCause.Length + g</c>).
    /// </summary>
    public int[] FindingOtherUnits { get; }

    /// <summary>By other unit: true when its criteria read the age or the sex, so that it is evaluated for every case.</summary>
    public bool[] OtherUnitReadsAgeOrSex { get; }

    /// <summary>By other unit: what it adds to its cause's log-odds when every finding it reads is unknown (usually 0).</summary>
    public double[] OtherUnitIdleLog { get; }

    /// <summary>
    /// By other unit that reads the age or the sex: its first age breakpoint in <see cref="AgeSexBreaks"/>; length
    /// other units + 1. With every finding it reads unknown, such a unit's outcome depends only on the sex and on which
    /// interval between its breakpoints the age falls in, so <see cref="TryScore(ReadOnlySpan{FindingState}, int, Sex, Span{double}, Span{double}, out int)"/>
    /// reads it from a table (<see cref="AgeSexTableStart"/>) instead of evaluating the unit.
    /// </summary>
    public int[] AgeSexBreakStart { get; }

    /// <summary>Each such unit's age breakpoints (every bound of its age conditions, the maximum plus one), ascending, clamped to 0..121.</summary>
    public int[] AgeSexBreaks { get; }

    /// <summary>
    /// By other unit: the offset of its table (-1 when it reads neither the age nor the sex); the table has a row for no
    /// age, then one per age interval, each with a column per <see cref="Sex"/> value.
    /// </summary>
    public int[] AgeSexTableStart { get; }

    /// <summary>
    /// By other unit that reads the age or the sex: the offset of its row offsets in <see cref="AgeSexRowByAge"/> (-1 for
    /// any other unit).
    /// </summary>
    public int[] AgeSexRowStart { get; }

    /// <summary>
    /// For each unit of <see cref="AgeSexRowStart"/>, <see cref="AgeIndexCount"/> entries, one per age index (0 for no
    /// age, then age + 1): the offset of that age's row in the unit's table (the row times the number of sexes), so that
    /// the scoring finds a unit's entry without searching its breakpoints.
    /// </summary>
    public int[] AgeSexRowByAge { get; }

    /// <summary>The table entries: what the unit adds to its cause's log-odds with every finding unknown (0 when undecided).</summary>
    public double[] AgeSexLog { get; }

    /// <summary>
    /// By (finding, other unit that reads it) pair, that is by index <c>i</c> of <see cref="FindingOtherUnits"/>: at
    /// <c>2i</c> for Present and <c>2i + 1</c> for Absent, what the other unit adds to its cause's log-odds when that
    /// finding is the only one it reads that is stated (0 when undecided). Used for a unit that reads neither the age
    /// nor the sex.
    /// </summary>
    public double[] SoloLog { get; }

    /// <summary>By other unit (other criterion rules, then groups; see <see cref="FindingOtherUnits"/>): the cause it adds to.</summary>
    public int[] OtherUnitCause { get; }

    /// <summary>
    /// A bit per other unit, set when the scoring visits it for every case: it reads the age or the sex, or adds something
    /// with every finding unknown (<see cref="OtherUnitIdleLog"/>). Every other unit adds nothing unless a stated finding
    /// marks it, so the scoring visits only these and the marked ones, in unit order.
    /// </summary>
    public ulong[] OtherUnitAlwaysVisited { get; }

    /// <summary>
    /// By age index (0 for no age, then age + 1) and sex, a row of <see cref="OtherUnitAlwaysVisited"/>'s length: the bits of
    /// the units that add something to a case of that age and sex when every finding they read is unknown (a unit that
    /// reads the age or the sex and whose table entry for them is not 0, or another unit whose idle figure is not 0). The
    /// scoring visits these and the units a stated finding marks; every other unit adds exactly 0.
    /// </summary>
    public ulong[] OtherUnitVisitedByAgeAndSex { get; }

    /// <summary>The criteria of every rule (and of everything else the base compiles).</summary>
    public CriterionProgram Program { get; }

    /// <summary>Position of each cause's id in ordinal order, by cause index.</summary>
    public int[] CauseIdOrder { get; }

    /// <summary>The number of scoring units: single-finding entries, then other criterion rules, then groups.</summary>
    public int UnitCount => FindingRuleCause.Length + GeneralRuleCause.Length + GroupCause.Length;

    public static double Logit(double probability) => Math.Log(probability / (1 - probability));

    /// <summary>
    /// Scores one case. The caller has checked the lengths, the age and the sex; an undefined state is
    /// reported through <paramref name="invalidStateIndex"/> (the first one met), and the output is then incomplete.
    /// </summary>
    /// <returns>True when every state was defined.</returns>
    public bool TryScore(ReadOnlySpan<FindingState> states, int age, Sex sex, Span<double> logOdds, out int invalidStateIndex) =>
        TryScore(states, age, sex, logOdds, default, out invalidStateIndex);

    /// <summary>
    /// Scores one case as <see cref="TryScore(ReadOnlySpan{FindingState}, int, Sex, Span{double}, out int)"/> does and,
    /// unless <paramref name="unitLogs"/> is empty, also writes <see cref="UnitLog"/> of every unit into it (length
    /// <see cref="UnitCount"/>), taking <see cref="OtherUnitIdleLog"/> for the other rules and groups that read no stated
    /// finding, the age or the sex: the figures the scoring adds, kept rather than computed a second time.
    /// </summary>
    /// <returns>True when every state was defined.</returns>
    public bool TryScore(ReadOnlySpan<FindingState> states, int age, Sex sex, Span<double> logOdds, Span<double> unitLogs, out int invalidStateIndex)
    {
        PriorLogOdds.CopyTo(logOdds);
        var keep = !unitLogs.IsEmpty;
        var start = FindingRuleStart;
        var causes = FindingRuleCause;
        var ratios = FindingRuleLogRatios;

        // The other rules and groups that read a stated finding; the rest add what they add with every finding unknown
        // (OtherUnitIdleLog), unless they read the age or the sex. A base too large for the stack evaluates them all.
        var others = GeneralRuleCause.Length + GroupCause.Length;
        var track = others <= TrackedUnitLimit;

        // By other unit: 0 when it reads no stated finding; 1 + its solo slot when it reads exactly one; -1 for more.
        Span<int> touched = track ? stackalloc int[others] : default;

        // A bit per other unit to visit: the ones always visited, and those a stated finding marks.
        // (When the unit figures are kept, every unit on the age or the sex is visited, so that its figure is written.)
        var words = OtherUnitAlwaysVisited.Length;
        Span<ulong> visit = track ? stackalloc ulong[words] : default;
        var visitedFirst = keep ? OtherUnitAlwaysVisited.AsSpan() : OtherUnitVisitedByAgeAndSex.AsSpan((((age - CriterionProgram.NoAge) * SexCount) + (int)sex) * words, words);
        visitedFirst[..visit.Length].CopyTo(visit);

        // Unknown is 0: skip blocks of unknown findings a vector at a time, then apply each stated finding's row.
        var raw = MemoryMarshal.Cast<FindingState, int>(states);
        var f = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; f <= raw.Length - Vector<int>.Count; f += Vector<int>.Count)
            {
                if (new Vector<int>(raw[f..]) == Vector<int>.Zero)
                {
                    continue;
                }

                for (var j = f; j < f + Vector<int>.Count; j++)
                {
                    if (!TryApply(raw[j], j, start, causes, ratios, logOdds))
                    {
                        invalidStateIndex = j;
                        return false;
                    }

                    Touch(raw[j], j, touched, visit);
                }
            }
        }

        for (; f < raw.Length; f++)
        {
            if (!TryApply(raw[f], f, start, causes, ratios, logOdds))
            {
                invalidStateIndex = f;
                return false;
            }

            Touch(raw[f], f, touched, visit);
        }

        var entries = causes.Length;
        if (keep)
        {
            // An entry of an unknown finding adds 0; the entries of a stated finding are its row (every state is defined by now).
            unitLogs[..entries].Clear();
            for (var finding = 0; finding < raw.Length; finding++)
            {
                var state = raw[finding];
                if (state != 0)
                {
                    for (var e = start[finding]; e < start[finding + 1]; e++)
                    {
                        unitLogs[e] = ratios[(2 * e) + (state - 1)];
                    }
                }
            }
        }

        if (keep)
        {
            // A unit the loop below does not visit adds what it adds with every finding unknown.
            OtherUnitIdleLog.CopyTo(unitLogs[entries..]);
        }

        var otherCauses = OtherUnitCause;
        if (!track)
        {
            for (var o = 0; o < others; o++)
            {
                AddOtherUnit(OtherUnitLog(o, states, age, sex), otherCauses[o], keep, entries + o, logOdds, unitLogs);
            }

            invalidStateIndex = -1;
            return true;
        }

        // Visit, in unit order, the units that read the age or the sex or add something idle, and those a stated finding
        // marked; every other unit adds 0 (its idle figure), which changes no sum. A unit first met with no age or sex
        // condition and one stated finding takes its figure from the solo table; one that reads the age or the sex but no
        // stated finding from its age-and-sex table; the rest are evaluated.
        var always = OtherUnitReadsAgeOrSex;
        var idle = OtherUnitIdleLog;
        var solo = SoloLog;
        for (var word = 0; word < visit.Length; word++)
        {
            var bits = visit[word];
            while (bits != 0)
            {
                var o = (word * 64) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                var mark = touched[o];
                var log = mark > 0 && !always[o] ? solo[mark - 1]
                    : mark != 0 ? OtherUnitLog(o, states, age, sex)
                    : always[o] ? AgeSexLog[AgeSexSlot(o, age, sex)]
                    : idle[o];
                AddOtherUnit(log, otherCauses[o], keep, entries + o, logOdds, unitLogs);
            }
        }

        invalidStateIndex = -1;
        return true;
    }

    /// <summary>
    /// Adds one other unit's figure to its cause's log-odds (nothing when it is 0) and, when the unit figures are kept
    /// (<paramref name="keep"/>), writes it into <paramref name="unitLogs"/> at <paramref name="slot"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddOtherUnit(double log, int cause, bool keep, int slot, Span<double> logOdds, Span<double> unitLogs)
    {
        if (log != 0)
        {
            logOdds[cause] += log;
        }

        if (keep)
        {
            unitLogs[slot] = log;
        }
    }

    /// <summary>
    /// What group <paramref name="group"/> adds to its cause's log-odds. When a joint member is decided with a figure,
    /// the first such member in order counts alone (<paramref name="joint"/>). Otherwise the strongest decided member for
    /// the cause (<paramref name="strongestFor"/>, the largest positive log ratio, the first in order on a tie) plus the
    /// strongest against it (<paramref name="strongestAgainst"/>, the most negative). Member indices are -1 for none.
    /// </summary>
    public double EvaluateGroup(int group, ReadOnlySpan<FindingState> states, int age, Sex sex, out int joint, out int strongestFor, out int strongestAgainst)
    {
        (joint, strongestFor, strongestAgainst) = (-1, -1, -1);
        double forLog = 0, againstLog = 0;
        var memberFinding = MemberFinding;
        for (var m = GroupMemberStart[group]; m < GroupMemberStart[group + 1]; m++)
        {
            // A one-finding member is decided here, as MemberOutcome would decide it, without a walk of its criterion.
            double log;
            var finding = memberFinding[m];
            if (finding >= 0)
            {
                var state = states[finding];
                if (state == FindingState.Unknown)
                {
                    continue;
                }

                log = MemberLogRatios[(2 * m) + (state == MemberExpected[m] ? 0 : 1)];
            }
            else if (MemberOutcome(m, states, age, sex, out log) != MemberFigure)
            {
                continue;
            }

            if (MemberJoint[m])
            {
                (joint, strongestFor, strongestAgainst) = (m, -1, -1);
                return log;
            }

            if (log > forLog)
            {
                (forLog, strongestFor) = (log, m);
            }
            else if (log < againstLog)
            {
                (againstLog, strongestAgainst) = (log, m);
            }
        }

        return forLog + againstLog;
    }

    /// <summary>
    /// One member's outcome: <see cref="MemberFigure"/> with its log ratio, <see cref="MemberNoFigure"/> (a graded rule
    /// decided on a count without a figure) or <see cref="MemberUndecided"/>; the log is 0 unless there is a figure.
    /// </summary>
    public int MemberOutcome(int member, ReadOnlySpan<FindingState> states, int age, Sex sex, out double log)
    {
        var graded = MemberGraded[member];
        if (graded < 0)
        {
            var outcome = Program.Evaluate(MemberRoot[member], states, age, sex);
            if (outcome == CriterionProgram.Undecided)
            {
                log = 0;
                return MemberUndecided;
            }

            log = MemberLogRatios[(2 * member) + (outcome == CriterionProgram.Met ? 0 : 1)];
            return MemberFigure;
        }

        Program.CountParts(MemberRoot[member], states, age, sex, out var met, out var open);
        var first = GradedStart[graded];
        if (GradedRun[first + met] != GradedRun[first + met + open])
        {
            log = 0;
            return MemberUndecided;
        }

        log = GradedLog[first + met];
        if (double.IsNaN(log))
        {
            log = 0;
            return MemberNoFigure;
        }

        return MemberFigure;
    }

    /// <summary>The cause a scoring unit adds to.</summary>
    public int UnitCause(int unit)
    {
        var entries = FindingRuleCause.Length;
        var general = GeneralRuleCause.Length;
        return unit < entries ? FindingRuleCause[unit] : unit < entries + general ? GeneralRuleCause[unit - entries] : GroupCause[unit - entries - general];
    }

    /// <summary>
    /// What one scoring unit adds to its cause's log-odds for the case (0 when undecided). The units of a cause, added to
    /// its prior log-odds, give what <see cref="TryScore(ReadOnlySpan{FindingState}, int, Sex, Span{double}, out int)"/> gives, up to the order of summation.
    /// </summary>
    public double UnitLog(int unit, ReadOnlySpan<FindingState> states, int age, Sex sex)
    {
        var entries = FindingRuleCause.Length;
        if (unit < entries)
        {
            var state = states[FindingRuleFinding[unit]];
            return state == FindingState.Unknown ? 0 : FindingRuleLogRatios[(2 * unit) + ((int)state - 1)];
        }

        return OtherUnitLog(unit - entries, states, age, sex);
    }

    /// <summary>What other unit <paramref name="other"/> (an other criterion rule, or a group after them) adds to its cause's log-odds for the case, evaluated.</summary>
    private double OtherUnitLog(int other, ReadOnlySpan<FindingState> states, int age, Sex sex)
    {
        if (other < GeneralRuleCause.Length)
        {
            var outcome = Program.Evaluate(GeneralRuleRoot[other], states, age, sex);
            return outcome == CriterionProgram.Undecided ? 0 : GeneralRuleLogRatios[(2 * other) + (outcome == CriterionProgram.Met ? 0 : 1)];
        }

        return EvaluateGroup(other - GeneralRuleCause.Length, states, age, sex, out _, out _, out _);
    }

    /// <summary>The table slot of an other unit that reads the age or the sex (see <see cref="AgeSexTableStart"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int AgeSexSlot(int other, int age, Sex sex) =>
        AgeSexTableStart[other] + AgeSexRowByAge[AgeSexRowStart[other] + age - CriterionProgram.NoAge] + (int)sex;

    /// <summary>The row of an age in the table of an other unit that reads the age or the sex, found from its breakpoints.</summary>
    private int AgeSexRow(int other, int age)
    {
        var row = 0;
        if (age != CriterionProgram.NoAge)
        {
            row = 1;
            var breaks = AgeSexBreaks;
            for (var b = AgeSexBreakStart[other]; b < AgeSexBreakStart[other + 1] && age >= breaks[b]; b++)
            {
                row++;
            }
        }

        return row;
    }

    /// <summary>The rows of <see cref="OtherUnitVisitedByAgeAndSex"/>.</summary>
    private ulong[] VisitedByAgeAndSex()
    {
        var words = OtherUnitAlwaysVisited.Length;
        var rows = new ulong[AgeIndexCount * SexCount * words];
        for (var o = 0; o < OtherUnitIdleLog.Length; o++)
        {
            for (var index = 0; index < AgeIndexCount; index++)
            {
                for (var sex = 0; sex < SexCount; sex++)
                {
                    var adds = OtherUnitReadsAgeOrSex[o] ? AgeSexLog[AgeSexSlot(o, index + CriterionProgram.NoAge, (Sex)sex)] != 0 : OtherUnitIdleLog[o] != 0;
                    if (adds)
                    {
                        rows[(((index * SexCount) + sex) * words) + (o / 64)] |= 1UL << (o % 64);
                    }
                }
            }
        }

        return rows;
    }

    /// <summary>The tables of <see cref="AgeSexRowStart"/> and <see cref="AgeSexRowByAge"/>.</summary>
    private (int[] Start, int[] RowByAge) AgeSexRows()
    {
        var start = new int[AgeSexTableStart.Length];
        var rows = new List<int>();
        for (var o = 0; o < start.Length; o++)
        {
            start[o] = -1;
            if (AgeSexTableStart[o] < 0)
            {
                continue;
            }

            start[o] = rows.Count;
            for (var index = 0; index < AgeIndexCount; index++)
            {
                rows.Add(AgeSexRow(o, index + CriterionProgram.NoAge) * SexCount);
            }
        }

        return (start, [.. rows]);
    }

    /// <summary>The tables of <see cref="AgeSexTableStart"/>: each age-or-sex unit evaluated once per age interval and sex, with every finding unknown.</summary>
    private (int[] BreakStart, int[] Breaks, int[] TableStart, double[] Log) AgeSexTables(IReadOnlyList<DiagnosticRule> rules, FindingState[] unknown)
    {
        var others = GeneralRuleCause.Length + GroupCause.Length;
        var breakStart = new int[others + 1];
        var breaks = new List<int>();
        var tableStart = new int[others];
        var logs = new List<double>();
        for (var o = 0; o < others; o++)
        {
            breakStart[o] = breaks.Count;
            tableStart[o] = -1;
            if (!OtherUnitReadsAgeOrSex[o])
            {
                continue;
            }

            var general = o < GeneralRuleCause.Length;
            var bounds = new SortedSet<int>();
            if (general)
            {
                CollectAgeBounds(rules[GeneralRuleIndex[o]], bounds);
            }
            else
            {
                var group = o - GeneralRuleCause.Length;
                for (var m = GroupMemberStart[group]; m < GroupMemberStart[group + 1]; m++)
                {
                    CollectAgeBounds(rules[MemberRule[m]], bounds);
                }
            }

            breaks.AddRange(bounds);
            tableStart[o] = logs.Count;
            for (var row = 0; row < bounds.Count + 2; row++)
            {
                // Row 0: no age. Row 1: below the first breakpoint. Row r > 1: from breakpoint r - 2 up to the next.
                var age = row == 0 ? CriterionProgram.NoAge : row == 1 ? (bounds.Count > 0 ? bounds.Min - 1 : 0) : breaks[breakStart[o] + row - 2];
                for (var sex = 0; sex < SexCount; sex++)
                {
                    logs.Add(OtherUnitLog(o, unknown, age, (Sex)sex));
                }
            }
        }

        breakStart[others] = breaks.Count;
        return (breakStart, [.. breaks], tableStart, [.. logs]);
    }

    /// <summary>Adds every bound of a rule's age conditions (minimum, maximum plus one), clamped to 0..121: the ages where its outcome can change.</summary>
    private static void CollectAgeBounds(DiagnosticRule rule, SortedSet<int> bounds)
    {
        foreach (var criterion in rule switch
        {
            CriterionRule single => [single.Criterion],
            GradedRule graded => graded.Parts,
            _ => ImmutableArray<Criterion>.Empty,
        })
        {
            CollectAgeBounds(criterion, bounds);
        }
    }

    /// <summary>Adds every bound of a criterion's age conditions, walking into its parts (one walk over every age criterion).</summary>
    private static void CollectAgeBounds(Criterion criterion, SortedSet<int> bounds)
    {
        switch (criterion)
        {
            case AgeCriterion range:
                if (range.Minimum.HasValue)
                {
                    bounds.Add(Math.Clamp(range.Minimum.Value, 0, PatientCase.MaximumAge + 1));
                }

                if (range.Maximum.HasValue)
                {
                    bounds.Add((int)Math.Clamp(range.Maximum.Value + 1L, 0, PatientCase.MaximumAge + 1));
                }

                break;
            case CountCriterion count:
                foreach (var part in count.Parts)
                {
                    CollectAgeBounds(part, bounds);
                }

                break;
        }
    }

    /// <summary>The criterion of a rule whose criterion is one finding; null for any other rule.</summary>
    private static FindingCriterion? SingleFinding(DiagnosticRule rule) => (rule as CriterionRule)?.Criterion as FindingCriterion;

    /// <summary>A member's two log ratios (met, not met): a criterion rule's, or zeros for a graded rule.</summary>
    private static double[] MemberLogs(DiagnosticRule rule)
    {
        var criterion = rule as CriterionRule;
        if (criterion is null)
        {
            return [0.0, 0.0];
        }

        return [Math.Log(criterion.Ratio.Positive), Math.Log(criterion.Ratio.Negative)];
    }

    /// <summary>Adds finding <paramref name="finding"/>'s row for its state; false when the state is not defined.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryApply(int state, int finding, int[] start, int[] causes, double[] ratios, Span<double> logOdds)
    {
        if (state == 0)
        {
            return true;
        }

        var column = state - 1;
        if ((uint)column > 1)
        {
            return false;
        }

        for (var e = start[finding]; e < start[finding + 1]; e++)
        {
            logOdds[causes[e]] += ratios[(2 * e) + column];
        }

        return true;
    }

    /// <summary>
    /// Marks the other units that read a finding when it is stated (and the marks are tracked): a unit first met gets
    /// 1 + its solo slot for the finding's state (see <see cref="SoloLog"/>), a unit met again -1; either way its visit bit is set.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Touch(int state, int finding, Span<int> touched, Span<ulong> visit)
    {
        if (state != 0 && !touched.IsEmpty)
        {
            var units = FindingOtherUnits;
            for (var i = FindingOtherUnitStart[finding]; i < FindingOtherUnitStart[finding + 1]; i++)
            {
                var unit = units[i];
                touched[unit] = touched[unit] == 0 ? (2 * i) + state : -1;
                visit[unit / 64] |= 1UL << (unit % 64);
            }
        }
    }

    /// <summary>
    /// The table of <see cref="SoloLog"/>: each other unit evaluated with one finding it reads stated, Present then
    /// Absent, and every other finding unknown (no age, no sex: used only for units that read neither).
    /// </summary>
    private double[] SoloTables(FindingState[] unknown)
    {
        var logs = new double[2 * FindingOtherUnits.Length];
        for (var f = 0; f < FindingCount; f++)
        {
            for (var i = FindingOtherUnitStart[f]; i < FindingOtherUnitStart[f + 1]; i++)
            {
                var unit = FindingOtherUnits[i];
                for (var column = 0; column < 2; column++)
                {
                    unknown[f] = column == 0 ? FindingState.Present : FindingState.Absent;
                    logs[(2 * i) + column] = OtherUnitLog(unit, unknown, CriterionProgram.NoAge, Sex.Unspecified);
                }

                unknown[f] = FindingState.Unknown;
            }
        }

        return logs;
    }

    /// <summary>True when a rule's criterion (or a graded rule's parts) has an age or a sex condition.</summary>
    private static bool ReadsAgeOrSex(DiagnosticRule rule)
    {
        var criterion = rule as CriterionRule;
        if (criterion is not null)
        {
            return ReadsAgeOrSex(criterion.Criterion);
        }

        var graded = rule as GradedRule;
        return graded is null || graded.Parts.Any(ReadsAgeOrSex);
    }

    /// <summary>True when a criterion has an age or a sex condition (read by <see cref="RedFlagGates"/> too).</summary>
    internal static bool ReadsAgeOrSex(Criterion criterion)
    {
        if (criterion is AgeCriterion || criterion is SexCriterion)
        {
            return true;
        }

        var count = criterion as CountCriterion;
        return count is not null && count.Parts.Any(ReadsAgeOrSex);
    }

    /// <summary>For each finding, the other units (other criterion rules, then groups) that read it, from <see cref="FindingUnits"/>.</summary>
    private (int[] Start, int[] Units) OtherUnitsByFinding()
    {
        var entries = FindingRuleCause.Length;
        var start = new int[FindingCount + 1];
        var units = new List<int>();
        for (var f = 0; f < FindingCount; f++)
        {
            for (var i = FindingUnitStart[f]; i < FindingUnitStart[f + 1]; i++)
            {
                if (FindingUnits[i] >= entries)
                {
                    units.Add(FindingUnits[i] - entries);
                }
            }

            start[f + 1] = units.Count;
        }

        return (start, [.. units]);
    }

    /// <summary>For each finding, the units that read it: its single-finding entries, the other rules and the groups whose criteria name it.</summary>
    private (int[] Start, int[] Units) UnitsByFinding(KnowledgeBase knowledgeBase, Dictionary<string, int> findingIndex)
    {
        var readers = new List<int>[FindingCount];
        void Read(int unit, IEnumerable<string> findingIds)
        {
            foreach (var id in findingIds.Distinct(StringComparer.Ordinal))
            {
                (readers[findingIndex[id]] ??= []).Add(unit);
            }
        }

        var rules = knowledgeBase.Rules;
        for (var e = 0; e < FindingRuleFinding.Length; e++)
        {
            (readers[FindingRuleFinding[e]] ??= []).Add(e);
        }

        for (var g = 0; g < GeneralRuleIndex.Length; g++)
        {
            Read(FindingRuleFinding.Length + g, rules[GeneralRuleIndex[g]].FindingIds());
        }

        for (var g = 0; g < GroupCause.Length; g++)
        {
            var unit = FindingRuleFinding.Length + GeneralRuleCause.Length + g;
            Read(unit, Enumerable.Range(GroupMemberStart[g], GroupMemberStart[g + 1] - GroupMemberStart[g]).SelectMany(m => rules[MemberRule[m]].FindingIds()));
        }

        var start = new int[FindingCount + 1];
        for (var f = 0; f < FindingCount; f++)
        {
            start[f + 1] = start[f] + (readers[f]?.Count ?? 0);
        }

        return (start, [.. readers.SelectMany(r => r ?? [])]);
    }
}
