using HipPain.Rules.Accuracy;
using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Scoring;

// Prints the accuracy of the built-in knowledge base on the vignettes; with --published on the published-case set's two
// halves; with --holdout on each holdout batch (validation/published-cases-2 to -16, no development half; --cause ID adds
// that cause's cases with the probability each result gives it); with
// --mapping-agreement it compares a second, independent mapping of some published cases with the first; with --write it
// updates docs/accuracy.md below its marker line (every set). Exit code 1 when a floor fails (top-3 below 85% or any
// under-triaged urgent or emergency vignette). With --interview it instead interviews each vignette, asking only
// what the vignette states, and prints the figures quoted in docs/interview.md; with --patient-interview it runs patient
// interviews of the bundled cases, vignettes and published cases and prints their lengths (docs/interview.md), with
// --per-case one line per interview instead, and with --pain-map-first (also for --compare) each interview starts from
// the pain regions the case states, as a patient marks them on the web sample's body map; with
// --case-mix it scores the published cases under other priors (a sensitivity analysis, docs/accuracy.md); with --ceiling
// it sets a model learnt from the other scored sets' cases beside the engine (docs/accuracy.md); with --calibration it
// prints how often the stated probabilities come true over every scored set pooled (docs/accuracy.md); --explain ID
// [--all] [--equal-priors] explains one development-half case, under the shipped or the analysis's equal priors;
// --reserved-statements CODE... [--cause ID] counts how many of the reserved batch's cases (of one reference cause)
// state each code, and with --cause how many of them also state another finding of the same evidence group (counts only).
// --overlay FILE (repeatable) scores the built-in base with those overlays applied, in order, with the vignettes,
// --published, --holdout, --calibration, --explain, --interview and --patient-interview; the other modes refuse it
// (ScoredBase). --compare with --overlay sets every scored set on the shipped base beside the overlaid one, lists the
// cases that moved, sets every patient interview beside its overlaid one (InterviewComparison), and exits 1 when a set
// loses a case by top-1, top-3 or under-triage or a patient interview asks fewer red-flag questions (OverlayComparison).
if (ScoredBase.UnknownOption(args) is { } unknownOption)
{
    Console.Error.WriteLine($"hippain-accuracy: unknown option '{unknownOption}'; the options are {string.Join(", ", ScoredBase.KnownOptions)}.");
    return 2;
}

if (args.Contains("--pain-map-first") && !args.Contains("--patient-interview") && !args.Contains("--compare"))
{
    Console.Error.WriteLine("--pain-map-first changes how a patient interview starts; give it with --patient-interview or --compare.");
    return 2;
}

var root = VignetteSet.FindRepositoryRoot(AppContext.BaseDirectory);
var vignettes = VignetteSet.Load(Path.Combine(root, VignetteSet.RelativePath));
if (!ScoredBase.TryLoad(args, BuiltInKnowledgeBase.Instance, out var scored, out var overlayError))
{
    Console.Error.WriteLine(overlayError);
    return 2;
}

var overlayPaths = ScoredBase.OverlayPaths(args);
if (!overlayPaths.IsEmpty)
{
    Console.WriteLine(ScoredBase.Banner(scored, BuiltInKnowledgeBase.Instance, overlayPaths));
}

if (args.Contains("--compare"))
{
    // Every scored set on the shipped base and on the overlaid one, side by side; exit 1 when a set loses a case.
    if (overlayPaths.IsEmpty)
    {
        Console.Error.WriteLine("--compare sets the shipped base beside an overlaid one; name the overlay with --overlay FILE.");
        return 2;
    }

    var shipped = BuiltInKnowledgeBase.Instance;
    var compared = OverlayComparison.Compare(
        (AccuracyEvaluator.Evaluate(shipped, vignettes), AccuracyEvaluator.Evaluate(scored, vignettes)),
        PublishedAccuracy.Evaluate(shipped, root),
        HoldoutAccuracy.EvaluateAll(shipped, root),
        PublishedAccuracy.Evaluate(scored, root),
        HoldoutAccuracy.EvaluateAll(scored, root));
    Console.Write(OverlayComparison.Render(compared));

    // The same cases as patient interviews, interview by interview: a weight can change which red-flag questions a
    // patient interview reaches (hazard H21).
    var painMapFirst = args.Contains("--pain-map-first");
    var interviews = InterviewComparison.Compare(PatientInterviewLength.Measure(root, shipped, painMapFirst), PatientInterviewLength.Measure(root, scored, painMapFirst));
    Console.WriteLine();
    Console.Write(InterviewComparison.Render(interviews, painMapFirst));
    return compared.Any(s => s.LosesACase) || interviews.Any(i => i.AsksFewerRedFlagQuestions) ? 1 : 0;
}

if (args.Contains("--patient-interview"))
{
    // --per-case prints every interview instead of the table, to compare two bases interview by interview.
    // --pain-map-first starts each interview from the pain regions the case states, as the web sample's body map does.
    var lengths = PatientInterviewLength.Measure(root, scored, args.Contains("--pain-map-first"));
    if (args.Contains("--per-case"))
    {
        PatientInterviewLength.WritePerCase(lengths, Console.Out);
    }
    else
    {
        PatientInterviewLength.Write(lengths, Console.Out);
    }

    return 0;
}

if (args.Contains("--interview"))
{
    InterviewReplay.Write(InterviewReplay.Evaluate(new Interviewer(new TriageEngine(scored)), vignettes), Console.Out);
    return 0;
}

var explain = Array.IndexOf(args, "--explain");
if (explain >= 0)
{
    // Development half only: the test half is scored, never inspected while the knowledge changes.
    var id = explain + 1 < args.Length ? args[explain + 1] : "";
    var (development, _) = PublishedCaseSet.LoadSplit(root);
    if (!development.Contains(id))
    {
        Console.Error.WriteLine($"--explain takes a published case of the development half; '{id}' is not one.");
        return 2;
    }

    // --equal-priors explains the case under the sensitivity analysis's equal priors (docs/accuracy.md), never shipped.
    var explainBase = args.Contains("--equal-priors") ? CaseMixSensitivity.EqualPriors(scored) : scored;
    var prepared = PublishedCaseSet.Prepare(PublishedCaseSet.Load(root).Single(c => c.Id == id), explainBase);
    var result = new TriageEngine(explainBase).Triage(prepared.Vignette.ToCase());
    Console.WriteLine($"{id}: reference {prepared.Vignette.Reference}, urgency {result.Urgency} (expected {prepared.Vignette.ExpectedUrgency})");
    foreach (var ranked in result.Differential.Take(args.Contains("--all") ? int.MaxValue : 6).Append(result.Differential.Single(c => c.Cause.Id == prepared.Vignette.Reference)).Distinct())
    {
        Console.WriteLine($"{ranked.Rank,2}. {ranked.Cause.Id,-34} {ranked.Probability,7:P1}  prior log-odds {ranked.PriorLogOdds,6:F2}");
        foreach (var contribution in ranked.Contributions.Where(c => c.LogFactor != 0))
        {
            Console.WriteLine($"      {contribution.Factor,7:G3}  {contribution.Label}{(contribution.Group is null ? "" : $"  [group {contribution.Group.Id}]")}{(contribution.Evidence.Status == HipPain.Rules.Model.VerificationStatus.Estimated ? "  (estimate)" : "")}");
        }
    }

    return 0;
}

if (args.Contains("--mapping-agreement"))
{
    // A second, independent mapping of some published cases against the committed one (docs/accuracy.md).
    var comparisons = MappingAgreement.Compare(BuiltInKnowledgeBase.Instance, root);
    Console.Write(MappingAgreement.Render(comparisons, MappingAgreement.Load(root)));
    return 0;
}

var reservedStatements = Array.IndexOf(args, "--reserved-statements");
if (reservedStatements >= 0)
{
    // Counts only: how many of the reserved batch's cases state each code, so a committed pre-registration can see
    // whether that batch could judge its change at all (docs/accuracy.md). No case, diagnosis or score is printed.
    var codes = args.Skip(reservedStatements + 1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
    if (codes.Length == 0)
    {
        Console.Error.WriteLine("--reserved-statements takes one or more finding codes, for example --reserved-statements hx.recent-sports-injury.");
        return 2;
    }

    var unknown = ReservedBatchStatements.Unknown(BuiltInKnowledgeBase.Instance, codes);
    if (!unknown.IsEmpty)
    {
        Console.Error.WriteLine($"--reserved-statements: not a finding of {BuiltInKnowledgeBase.Id} {BuiltInKnowledgeBase.Version}: {string.Join(", ", unknown)}.");
        return 2;
    }

    // --cause ID narrows the count to the cases of one reference cause, for a criterion measured on that cause's cases.
    if (!TryReadCause(args, BuiltInKnowledgeBase.Instance, out var reservedCause))
    {
        return 2;
    }

    var reserved = PublishedCaseSet.Load(root, PublishedCaseSet.ReservedBatchRelativePath);
    var name = $"Reserved batch ({PublishedCaseSet.ReservedBatchRelativePath})";
    if (reservedCause is not null)
    {
        reserved = [.. reserved.Where(c => c.Diagnosis == reservedCause)];
        name += $", the cases of {reservedCause}";
    }

    Console.Write(ReservedBatchStatements.Render(name, reserved.Count, ReservedBatchStatements.Count(reserved, codes)));
    if (reservedCause is not null)
    {
        // A group counts its strongest member for, so a stated group mate can hide the change (addendum 39's M1).
        Console.Write(ReservedBatchStatements.RenderGroupMates(ReservedBatchStatements.GroupMates(BuiltInKnowledgeBase.Instance, reservedCause, reserved, codes)));
    }

    return 0;
}

var report = AccuracyEvaluator.Evaluate(scored, vignettes);
if (args.Contains("--holdout"))
{
    // The holdout batches (validation/published-cases-2 to -16): scored as a whole; --details and --cause print per-case
    // rows, but no case is explained rule by rule.
    var holdouts = HoldoutAccuracy.EvaluateAll(scored, root);
    if (holdouts.IsEmpty)
    {
        Console.Error.WriteLine($"No holdout batch holds a case ({string.Join(", ", HoldoutBatch.All.Select(b => b.RelativePath + "/cases"))}).");
        return 2;
    }

    foreach (var holdout in holdouts)
    {
        Console.Write(HoldoutAccuracy.Summary(holdout));
    }

    if (args.Contains("--details"))
    {
        foreach (var holdout in holdouts)
        {
            Console.WriteLine();
            Console.Write(HoldoutAccuracy.Render(holdout));
        }
    }

    // --cause ID: that cause's cases in each batch with the probability the result gives it (facts addendum 33's measure).
    if (!TryReadCause(args, scored, out var causeId))
    {
        return 2;
    }

    if (causeId is not null)
    {
        foreach (var holdout in holdouts)
        {
            Console.WriteLine();
            Console.Write(HoldoutAccuracy.RenderCauseError(holdout, causeId));
        }
    }

    return 0;
}

if (args.Contains("--case-mix"))
{
    // The published cases under other priors: an analysis of the evaluation, never a change to the base.
    Console.Write(CaseMixSensitivity.Render(CaseMixSensitivity.Evaluate(BuiltInKnowledgeBase.Instance, root)));
    return 0;
}

if (args.Contains("--calibration"))
{
    // How often the stated probabilities come true, every scored set pooled: reported, never used to change the base.
    Console.Write(Calibration.Render(Calibration.Pool(PublishedAccuracy.Evaluate(scored, root), HoldoutAccuracy.EvaluateAll(scored, root))));
    return 0;
}

if (args.Contains("--ceiling"))
{
    // What the cases' own statements support: a reference model learnt from the other scored sets, never a change.
    Console.Write(StatementCeiling.Render(StatementCeiling.FromCaseMix(CaseMixSensitivity.Evaluate(BuiltInKnowledgeBase.Instance, root))));
    return 0;
}

if (args.Contains("--published"))
{
    var published = PublishedAccuracy.Evaluate(scored, root);
    Console.Write(PublishedAccuracy.Summary(published));
    if (args.Contains("--details"))
    {
        Console.WriteLine();
        Console.Write(PublishedAccuracy.Render(published, report));
    }

    return 0;
}

Console.Write(AccuracyDocument.Summary(report));
if (args.Contains("--details"))
{
    Console.WriteLine();
    Console.Write(AccuracyDocument.Render(report));
}

if (args.Contains("--write"))
{
    var path = Path.Combine(root, AccuracyDocument.RelativePath);
    var published = PublishedAccuracy.Evaluate(BuiltInKnowledgeBase.Instance, root);
    var holdouts = HoldoutAccuracy.EvaluateAll(BuiltInKnowledgeBase.Instance, root);
    File.WriteAllText(path, GeneratedSection.Splice(File.ReadAllText(path), AccuracyDocument.RenderAll(report, published, holdouts, CaseMixSensitivity.Evaluate(BuiltInKnowledgeBase.Instance, root))));
    Console.WriteLine($"Wrote {AccuracyDocument.RelativePath}.");
}

return report.Top3 >= AccuracyReport.Top3Floor && report.UnderTriagedCount == 0 ? 0 : 1;

// The id after --cause (null when the option is not given); false, with the refusal printed, when it is not a cause of
// the scored base.
static bool TryReadCause(string[] args, HipPain.Rules.Model.KnowledgeBase knowledgeBase, out string? causeId)
{
    var at = Array.IndexOf(args, "--cause");
    var id = at < 0 ? null : at + 1 < args.Length ? args[at + 1] : "";
    causeId = id;
    if (id is null || knowledgeBase.Causes.Any(c => c.Id == id))
    {
        return true;
    }

    Console.Error.WriteLine($"--cause takes a cause id of {knowledgeBase.Id}; '{id}' is not one.");
    return false;
}
