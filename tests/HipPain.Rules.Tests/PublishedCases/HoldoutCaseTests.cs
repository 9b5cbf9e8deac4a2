using System.Text.RegularExpressions;
using HipPain.Rules.Accuracy;
using HipPain.Rules.Knowledge;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.PublishedCases;

/// <summary>
/// The holdout batches of published cases: the second (validation/published-cases-2), collected after the first set's
/// development half had served 24 studies, the third (validation/published-cases-3), collected after the 25th, and the
/// fourth (validation/published-cases-4), collected after facts addendum 26 was pre-registered.
/// Their provenance and their floors (PublishedCaseTests checks their mapping and the ranking rule of fired red flags
/// with the first set's).
/// </summary>
public sealed class HoldoutCaseTests
{
    /// <summary>
    /// Regression floors on the whole second batch, set at what base 0.10.2 measured when its 52 cases were first scored
    /// together (top-1 23.1%, top-3 42.3%, 5 of 15 urgent or emergency cases under-triaged counting provisional
    /// urgency). Far below issue 11's targets; see docs/accuracy.md. A change may raise them, never lower them. The
    /// under-triage ceiling is 3: 4 measured since base 0.11.0, kept by rule R5b (facts addendum 27), then 3 with rule
    /// R6 (facts addendum 28; the batch was not blind for either). Top-1 raised to 25.0% with rule R7 (facts addendum 29,
    /// likewise not blind), then to 26.9% and top-3 to 44.2% with base 0.14.0 (facts addendum 34, whose screen read this
    /// batch). Raised with base 0.15.0 (facts addendum 36, whose screen read this batch) to top-1 28.8% and top-3 46.2%.
    /// </summary>
    private const double Top1Floor = 0.28;

    private const double Top3Floor = 0.46;

    private const int UnderTriageCeiling = 3;

    /// <summary>
    /// The first round's floors, on its 33 cases: what base 0.10.2 measured the first time the batch was scored
    /// (top-1 21.2%, top-3 36.4%, 3 of 10 under-triaged). They stay when the batch grows.
    /// </summary>
    private const double FirstRoundTop1Floor = 0.21;

    private const double FirstRoundTop3Floor = 0.36;

    private const int FirstRoundUnderTriageCeiling = 3;

    /// <summary>
    /// Regression floors on the third batch, set at what base 0.10.2 measured when its 52 cases were first scored, on
    /// merge commit 311631b (top-1 30.8%, top-3 55.8%, 6 of 15 urgent or emergency cases under-triaged counting
    /// provisional urgency). A change may raise them, never lower them. Rule R5b (facts addendum 27; the batch was not
    /// blind for it) brought the under-triage count to 3, and rule R6 (facts addendum 28, likewise) to 2. Top-1 raised to
    /// 34.6% with rule R7 (facts addendum 29, likewise). Top-3 raised to 57.7% with base 0.27.0 (facts addenda 55 and 56,
    /// not blind: a replaced hip).
    /// </summary>
    private const double ThirdBatchTop1Floor = 0.34;

    private const double ThirdBatchTop3Floor = 0.57;

    private const int ThirdBatchUnderTriageCeiling = 2;

    /// <summary>
    /// Regression floors on the fourth batch, set at what base 0.11.0 measured when its 51 cases were first scored, on
    /// commit 73ce157 with the tool's wiring (top-1 13.7%, top-3 60.8%, 5 of 15 urgent or emergency cases under-triaged
    /// counting provisional urgency). A change may raise them, never lower them. Rule R5b (facts addendum 27; the batch was
    /// no longer blind for it) brought the under-triage count to 1. Top-1 raised to 15.7% with rule R7 (facts addendum 29,
    /// likewise), then to 17.6% and top-3 to 62.7% with base 0.14.0 (facts addendum 34, likewise), then top-1 to 21.6%
    /// with base 0.15.0 (facts addendum 36, likewise), then to 23.5% with base 0.27.0 (facts addenda 55 and 56,
    /// likewise).
    /// </summary>
    private const double FourthBatchTop1Floor = 0.23;

    private const double FourthBatchTop3Floor = 0.62;

    private const int FourthBatchUnderTriageCeiling = 1;

    /// <summary>
    /// Regression floors on the fifth batch, set at what base 0.12.0 with rules R5b to R7 measured when its 50 cases
    /// were first scored, blind (top-1 38.0%, top-3 68.0%, 5 of 16 urgent or emergency cases under-triaged counting
    /// provisional urgency). A change may raise them, never lower them. Raised to top-1 40.0% and top-3 72.0% with base
    /// 0.14.0 (facts addendum 34, whose screen read this batch), and top-1 to 42.0% with base 0.27.0 (facts addenda
    /// 55 and 56, not blind).
    /// </summary>
    private const double FifthBatchTop1Floor = 0.42;

    private const double FifthBatchTop3Floor = 0.72;

    private const int FifthBatchUnderTriageCeiling = 5;

    /// <summary>
    /// Regression floors on the sixth batch, set at what base 0.12.0 with rules R5b to R7 measured when its 51 cases
    /// were first scored, blind, for facts addendum 32 (top-1 23.5%, top-3 56.9%, 1 of 15 urgent or emergency cases
    /// under-triaged counting provisional urgency). A change may raise them, never lower them to make a figure look
    /// better. Top-1 raised to 25.5% with base 0.14.0 (facts addendum 34, whose screen read this batch), then to 27.5%
    /// and top-3 to 58.8% with base 0.15.0 (facts addendum 36, likewise). Top-3 lowered to 56.9% (29 of 51) with base
    /// 0.28.0, as facts addendum 58 registered before it was built: its correction of a double count (the snapping
    /// hip's snap and click, one observation in two words, were multiplied) moves `pc6-snapping-02`, a snapping hip
    /// that states both, from third to fourth. The lost case was third only because the snap was counted twice; the
    /// figure is reported as it fell (docs/accuracy.md).
    /// </summary>
    private const double SixthBatchTop1Floor = 0.27;

    private const double SixthBatchTop3Floor = 0.56;

    private const int SixthBatchUnderTriageCeiling = 1;

    /// <summary>
    /// Regression floors on the seventh batch, set at what base 0.13.0 with rules R5b to R7 measured when facts addendum
    /// 33 first scored its 50 cases, blind (top-1 32.0%, top-3 56.0%, 2 of 15 urgent or emergency cases under-triaged
    /// counting provisional urgency; base 0.12.0 measured the same three figures). A change may raise them, never lower
    /// them. Top-1 raised to 34.0% with base 0.14.0 (facts addendum 34, whose screen read this batch), and top-3 to
    /// 58.0% with base 0.15.0 (facts addendum 36, likewise).
    /// </summary>
    private const double SeventhBatchTop1Floor = 0.34;

    private const double SeventhBatchTop3Floor = 0.58;

    private const int SeventhBatchUnderTriageCeiling = 2;

    /// <summary>
    /// Regression floors on the eighth batch, set at what base 0.14.0 with rules R5b to R7 measured when facts addendum
    /// 34 first scored its 49 cases, blind (top-1 22.4%, top-3 46.9%, 4 of 15 urgent or emergency cases under-triaged
    /// counting provisional urgency; base 0.13.0 measured 20.4%, 49.0% and 4). A change may raise them, never lower them.
    /// Top-1 raised to 24.5% with base 0.15.0 (facts addendum 36, whose screen read this batch), then to 26.5% with base
    /// 0.27.0 (facts addenda 55 and 56, not blind).
    /// </summary>
    private const double EighthBatchTop1Floor = 0.26;

    private const double EighthBatchTop3Floor = 0.46;

    private const int EighthBatchUnderTriageCeiling = 4;

    /// <summary>
    /// Regression floors on the ninth batch, set at what base 0.14.1 with rules R5b to R7 measured when facts addendum
    /// 36 first scored its 48 cases, blind and without that addendum's change (top-1 35.4%, top-3 64.6%, 2 of 14 urgent
    /// or emergency cases under-triaged counting provisional urgency). A change may raise them, never lower them. Top-1
    /// raised to 37.5% with base 0.15.0, the addendum's change, which the batch judged blind.
    /// </summary>
    private const double NinthBatchTop1Floor = 0.37;

    private const double NinthBatchTop3Floor = 0.64;

    private const int NinthBatchUnderTriageCeiling = 2;

    /// <summary>
    /// Regression floors on the tenth batch, set at what base 0.15.0 with rules R5b to R7 measured when facts addendum
    /// 37 first scored its 50 cases, blind and without that addendum's change (top-1 34.0%, top-3 64.0%, 1 of 15 urgent
    /// or emergency cases under-triaged counting provisional urgency). A change may raise them, never lower them.
    /// </summary>
    private const double TenthBatchTop1Floor = 0.34;

    private const double TenthBatchTop3Floor = 0.64;

    private const int TenthBatchUnderTriageCeiling = 1;

    /// <summary>
    /// Regression floors on the eleventh batch, set at what base 0.15.0 with rules R5b to R7 measured when facts addendum
    /// 38 first scored its 39 cases, blind and without that addendum's change (top-1 33.3%, top-3 56.4%, 4 of 15
    /// urgent or emergency cases under-triaged counting provisional urgency). A change may raise them, never lower them.
    /// Top-1 raised to 35.9% with base 0.27.0 (facts addenda 55 and 56, not blind: a replaced hip).
    /// </summary>
    private const double EleventhBatchTop1Floor = 0.35;

    private const double EleventhBatchTop3Floor = 0.56;

    private const int EleventhBatchUnderTriageCeiling = 4;

    /// <summary>
    /// Regression floors on the twelfth batch, set at what base 0.15.0 with rules R5b to R7 measured when facts addendum
    /// 39 first scored its 37 cases, blind and without that addendum's changes (top-1 35.1%, top-3 56.8%, 4 of 11
    /// urgent or emergency cases under-triaged counting provisional urgency). A change may raise them, never lower them.
    /// </summary>
    private const double TwelfthBatchTop1Floor = 0.35;

    private const double TwelfthBatchTop3Floor = 0.56;

    private const int TwelfthBatchUnderTriageCeiling = 4;

    /// <summary>
    /// Regression floors on the thirteenth batch, set at what base 0.16.0 with rules R5b to R7 measured when facts
    /// addendum 40 first scored its 32 cases, blind and without the cells that addendum judged (top-1 40.6%, top-3
    /// 53.1%, 3 of 14 urgent or emergency cases under-triaged counting provisional urgency). A change may raise them,
    /// never lower them.
    /// </summary>
    private const double ThirteenthBatchTop1Floor = 0.40;

    private const double ThirteenthBatchTop3Floor = 0.53;

    private const int ThirteenthBatchUnderTriageCeiling = 3;

    /// <summary>
    /// Regression floors on the fourteenth batch, set at what base 0.16.0 with rules R5b to R7 measured when facts
    /// addendum 41 first scored its 42 cases, blind and without the cells that addendum judged (top-1 19.0%, top-3
    /// 42.9%, 5 of 13 urgent or emergency cases under-triaged counting provisional urgency). A change may raise them,
    /// never lower them.
    /// </summary>
    private const double FourteenthBatchTop1Floor = 0.19;

    private const double FourteenthBatchTop3Floor = 0.42;

    private const int FourteenthBatchUnderTriageCeiling = 5;

    /// <summary>
    /// Regression floors on the fifteenth batch, set at what base 0.16.0 with rules R5b to R7 measured when facts
    /// addendum 42 first scored its 31 cases, blind and without the change that addendum judged (top-1 35.5%, top-3
    /// 67.7%, 3 of 11 urgent or emergency cases under-triaged counting provisional urgency). A change may raise them,
    /// never lower them.
    /// </summary>
    private const double FifteenthBatchTop1Floor = 0.35;

    private const double FifteenthBatchTop3Floor = 0.67;

    private const int FifteenthBatchUnderTriageCeiling = 3;

    /// <summary>
    /// Regression floors on the sixteenth batch, set at what base 0.16.0 with rules R5b to R7 measured when facts
    /// addendum 43 first scored its 33 cases, blind and without the cells that addendum judged (top-1 45.5%, top-3
    /// 60.6%, 5 of 11 urgent or emergency cases under-triaged counting provisional urgency). A change may raise them,
    /// never lower them.
    /// </summary>
    private const double SixteenthBatchTop1Floor = 0.45;

    private const double SixteenthBatchTop3Floor = 0.60;

    private const int SixteenthBatchUnderTriageCeiling = 5;

    /// <summary>The 33 cases of the first round, scored first on merge commit 2d98bc9.</summary>
    private static readonly string[] FirstRound =
    [
        "pc2-adductor-01",
        "pc2-avn-01",
        "pc2-avn-02",
        "pc2-dgs-01",
        "pc2-fai-01",
        "pc2-fai-02",
        "pc2-fnsf-01",
        "pc2-fnsf-02",
        "pc2-gtps-01",
        "pc2-gtps-02",
        "pc2-iliopsoas-01",
        "pc2-iliopsoas-02",
        "pc2-itbs-01",
        "pc2-labral-01",
        "pc2-labral-02",
        "pc2-lumbar-01",
        "pc2-lumbar-02",
        "pc2-malig-01",
        "pc2-malig-02",
        "pc2-oa-01",
        "pc2-oa-02",
        "pc2-pht-01",
        "pc2-pht-02",
        "pc2-pubic-01",
        "pc2-pubic-02",
        "pc2-septic-01",
        "pc2-septic-02",
        "pc2-sij-01",
        "pc2-sij-02",
        "pc2-snapping-01",
        "pc2-snapping-02",
        "pc2-strain-01",
        "pc2-strain-02",
    ];

    private static readonly Lazy<string> Root = new(() => Repository.Root);

    private static readonly Lazy<HoldoutAccuracyReport?> Report = new(() => HoldoutAccuracy.Evaluate(BuiltInKnowledgeBase.Instance, Root.Value));

    [Theory]
    [MemberData(nameof(PublishedSetPaths.HoldoutsAndReserved), MemberType = typeof(PublishedSetPaths))]
    public void Batch_AsCommitted_RecordsWhereEachCaseWasFound(string relativePath)
    {
        // The reserved batch is not a HoldoutBatch yet; its ids carry its folder's number ("validation/published-cases-17": "pc17-").
        var idPrefix = relativePath == PublishedCaseSet.ReservedBatchRelativePath ? $"pc{relativePath[(relativePath.LastIndexOf('-') + 1)..]}-" : Batch(relativePath).IdPrefix;
        var cases = PublishedCaseSet.Load(Root.Value, relativePath);
        var causes = BuiltInKnowledgeBase.Instance.Causes.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(cases);
        Assert.Equal(cases.Count, cases.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(cases, c =>
        {
            Assert.StartsWith(idPrefix, c.Id, StringComparison.Ordinal);
            Assert.Contains(c.Diagnosis, causes);
            Assert.All(c.Alternatives, a => Assert.Contains(a, causes));
            Assert.False(string.IsNullOrWhiteSpace(c.Citation), c.Id);
            Assert.False(string.IsNullOrWhiteSpace(c.ConfirmedBy), c.Id);
            Assert.NotEmpty(c.Statements);
            Assert.NotNull(c.Found);
            Assert.False(string.IsNullOrWhiteSpace(c.Found.Corpus), c.Id);
            Assert.False(string.IsNullOrWhiteSpace(c.Found.Query), c.Id);
            Assert.True(c.Found.Rank >= 1, $"{c.Id}: rank {c.Found.Rank}");
        });
    }

    /// <summary>
    /// Each batch's composition: at least <paramref name="minimum"/> cases (50; 49 for the eighth batch, whose one
    /// round of collection found one adductor-related case; 48 for the ninth after two rounds), at least
    /// <paramref name="urgent"/> urgent or emergency (15; 14 for the ninth), and every cause present at least
    /// <paramref name="perCause"/> times. The fifth, eighth and ninth batches are held to one case per cause: iliopsoas
    /// has one in the fifth after two rounds, adductor-related groin pain one in the eighth, sacroiliac joint pain one
    /// in the ninth. The seventh is held to none: adductor-related groin pain has no case after two rounds. The tenth is
    /// held to two: four causes have two after two rounds. The eleventh, 39 cases after two rounds, is held to none:
    /// proximal hamstring tendinopathy has no case. The twelfth, 37 cases (11 urgent or emergency) after two rounds, is
    /// held to none: iliopsoas and snapping hip have no case. The thirteenth, 32 cases (14 urgent or emergency) after two
    /// rounds, is held to none: iliopsoas, proximal hamstring tendinopathy and snapping hip have no case. The fourteenth,
    /// 42 cases (13 urgent or emergency) after two rounds, is held to one: iliopsoas, lumbar radicular pain, sacroiliac
    /// joint pain and snapping hip have one each. The fifteenth, 31 cases (11 urgent or emergency) after two rounds, is
    /// held to none: adductor-related groin pain, deep gluteal syndrome, proximal hamstring tendinopathy, sacroiliac
    /// joint pain and snapping hip have no case. The sixteenth, 33 cases (11 urgent or emergency) after two rounds, is
    /// held to none: adductor-related groin pain, FAI syndrome and iliopsoas have no case. Each README records why.
    /// </summary>
    [Theory]
    [InlineData(PublishedCaseSet.HoldoutRelativePath, 50, 2)]
    [InlineData(PublishedCaseSet.ThirdBatchRelativePath, 50, 2)]
    [InlineData(PublishedCaseSet.FourthBatchRelativePath, 50, 2)]
    [InlineData(PublishedCaseSet.FifthBatchRelativePath, 50, 1)]
    [InlineData(PublishedCaseSet.SixthBatchRelativePath, 50, 2)]
    [InlineData(PublishedCaseSet.SeventhBatchRelativePath, 50, 0)]
    [InlineData(PublishedCaseSet.EighthBatchRelativePath, 49, 1)]
    [InlineData(PublishedCaseSet.NinthBatchRelativePath, 48, 1, 14)]
    [InlineData(PublishedCaseSet.TenthBatchRelativePath, 50, 2)]
    [InlineData(PublishedCaseSet.EleventhBatchRelativePath, 39, 0)]
    [InlineData(PublishedCaseSet.TwelfthBatchRelativePath, 37, 0, 11)]
    [InlineData(PublishedCaseSet.ThirteenthBatchRelativePath, 32, 0, 14)]
    [InlineData(PublishedCaseSet.FourteenthBatchRelativePath, 42, 1, 13)]
    [InlineData(PublishedCaseSet.FifteenthBatchRelativePath, 31, 0, 11)]
    [InlineData(PublishedCaseSet.SixteenthBatchRelativePath, 33, 0, 11)]
    public void Batch_AsCommitted_AtLeast50CasesEveryCauseAndFifteenUrgent(string relativePath, int minimum, int perCause, int urgent = 15)
    {
        var batch = Batch(relativePath);
        var cases = PublishedCaseSet.Load(Root.Value, relativePath);

        Assert.True(cases.Count >= minimum, $"Expected at least {minimum} cases in the {batch.LowerName}, found {cases.Count}.");
        Assert.All(BuiltInKnowledgeBase.Instance.Causes, cause =>
            Assert.True(cases.Count(c => c.Diagnosis == cause.Id) >= perCause, $"{cause.Id} has fewer than {perCause} cases in the {batch.LowerName}."));
        Assert.True(cases.Count(c => c.Urgency != "routine") >= urgent, $"Fewer than {urgent} urgent or emergency cases.");
    }

    [Fact]
    public void SecondBatch_AsCommitted_HoldsEveryCaseOfTheFirstRound()
    {
        var cases = PublishedCaseSet.Load(Root.Value, PublishedCaseSet.HoldoutRelativePath);

        Assert.All(FirstRound, id => Assert.Contains(cases, c => c.Id == id));
    }

    [Theory]
    [InlineData(PublishedCaseSet.HoldoutRelativePath, Top1Floor, Top3Floor, UnderTriageCeiling)]
    [InlineData(PublishedCaseSet.ThirdBatchRelativePath, ThirdBatchTop1Floor, ThirdBatchTop3Floor, ThirdBatchUnderTriageCeiling)]
    [InlineData(PublishedCaseSet.FourthBatchRelativePath, FourthBatchTop1Floor, FourthBatchTop3Floor, FourthBatchUnderTriageCeiling)]
    [InlineData(PublishedCaseSet.FifthBatchRelativePath, FifthBatchTop1Floor, FifthBatchTop3Floor, FifthBatchUnderTriageCeiling)]
    [InlineData(PublishedCaseSet.SixthBatchRelativePath, SixthBatchTop1Floor, SixthBatchTop3Floor, SixthBatchUnderTriageCeiling)]
    [InlineData(PublishedCaseSet.SeventhBatchRelativePath, SeventhBatchTop1Floor, SeventhBatchTop3Floor, SeventhBatchUnderTriageCeiling)]
    [InlineData(PublishedCaseSet.EighthBatchRelativePath, EighthBatchTop1Floor, EighthBatchTop3Floor, EighthBatchUnderTriageCeiling)]
    [InlineData(PublishedCaseSet.NinthBatchRelativePath, NinthBatchTop1Floor, NinthBatchTop3Floor, NinthBatchUnderTriageCeiling)]
    [InlineData(PublishedCaseSet.TenthBatchRelativePath, TenthBatchTop1Floor, TenthBatchTop3Floor, TenthBatchUnderTriageCeiling)]
    [InlineData(PublishedCaseSet.EleventhBatchRelativePath, EleventhBatchTop1Floor, EleventhBatchTop3Floor, EleventhBatchUnderTriageCeiling)]
    [InlineData(PublishedCaseSet.TwelfthBatchRelativePath, TwelfthBatchTop1Floor, TwelfthBatchTop3Floor, TwelfthBatchUnderTriageCeiling)]
    [InlineData(PublishedCaseSet.ThirteenthBatchRelativePath, ThirteenthBatchTop1Floor, ThirteenthBatchTop3Floor, ThirteenthBatchUnderTriageCeiling)]
    [InlineData(PublishedCaseSet.FourteenthBatchRelativePath, FourteenthBatchTop1Floor, FourteenthBatchTop3Floor, FourteenthBatchUnderTriageCeiling)]
    [InlineData(PublishedCaseSet.FifteenthBatchRelativePath, FifteenthBatchTop1Floor, FifteenthBatchTop3Floor, FifteenthBatchUnderTriageCeiling)]
    [InlineData(PublishedCaseSet.SixteenthBatchRelativePath, SixteenthBatchTop1Floor, SixteenthBatchTop3Floor, SixteenthBatchUnderTriageCeiling)]
    public void Batch_BuiltInBase_KeepsItsFloors(string relativePath, double top1Floor, double top3Floor, int underTriageCeiling)
    {
        var report = HoldoutAccuracy.Evaluate(BuiltInKnowledgeBase.Instance, Root.Value, Batch(relativePath));

        Assert.NotNull(report);
        Assert.True(report.All.Top1 >= top1Floor, HoldoutAccuracy.Summary(report));
        Assert.True(report.All.Top3 >= top3Floor, HoldoutAccuracy.Summary(report));
        Assert.True(report.All.UnderTriagedAllowingProvisionalCount <= underTriageCeiling, HoldoutAccuracy.Summary(report));
    }

    [Fact]
    public void FirstRound_BuiltInBase_KeepsItsFloors()
    {
        Assert.NotNull(Report.Value);
        var firstRound = Report.Value.All.Outcomes.Where(o => FirstRound.Contains(o.Vignette.Id)).ToList();

        Assert.Equal(FirstRound.Length, firstRound.Count);
        Assert.True(firstRound.Count(o => o.Top1) >= FirstRoundTop1Floor * firstRound.Count, $"top-1 {firstRound.Count(o => o.Top1)} of {firstRound.Count}");
        Assert.True(firstRound.Count(o => o.Top3) >= FirstRoundTop3Floor * firstRound.Count, $"top-3 {firstRound.Count(o => o.Top3)} of {firstRound.Count}");
        Assert.True(firstRound.Count(o => o.UnderTriagedAllowingProvisional) <= FirstRoundUnderTriageCeiling, $"under-triaged {firstRound.Count(o => o.UnderTriagedAllowingProvisional)}");
    }

    [Theory]
    [MemberData(nameof(PublishedSetPaths.HoldoutsAndReserved), MemberType = typeof(PublishedSetPaths))]
    public void Batch_AsCommitted_SharesNoSourceWithAnEarlierSet(string relativePath)
    {
        var earlier = EarlierSets(relativePath).Where(c => c.Url is not null).Select(c => Normalise(c.Url!)).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(earlier);
        Assert.All(PublishedCaseSet.Load(Root.Value, relativePath).Where(c => c.Url is not null), c => Assert.DoesNotContain(Normalise(c.Url!), earlier));
    }

    [Theory]
    [MemberData(nameof(PublishedSetPaths.HoldoutsAndReserved), MemberType = typeof(PublishedSetPaths))]
    public void Batch_AsCommitted_SharesNoDoiWithAnEarlierSet(string relativePath)
    {
        var earlier = EarlierSets(relativePath).SelectMany(Dois).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(earlier);
        Assert.All(PublishedCaseSet.Load(Root.Value, relativePath), c => Assert.All(Dois(c), doi => Assert.DoesNotContain(doi, earlier)));
    }

    /// <summary>
    /// The sixth to sixteenth batches were reserved unscored (each README's rule 2) until a pre-registered change named
    /// them; each is scored from the facts addendum that named it, which its README and the addendum record, and the
    /// pre-registration came first.
    /// </summary>
    [Theory]
    [InlineData(PublishedCaseSet.SixthBatchRelativePath, "facts-addendum-32-location-blind.md")]
    [InlineData(PublishedCaseSet.SeventhBatchRelativePath, "facts-addendum-33-adult-septic-hip.md")]
    [InlineData(PublishedCaseSet.EighthBatchRelativePath, "facts-addendum-34-screened-cells.md")]
    [InlineData(PublishedCaseSet.NinthBatchRelativePath, "facts-addendum-36-itbs-knee.md")]
    [InlineData(PublishedCaseSet.TenthBatchRelativePath, "facts-addendum-37-osteonecrosis-rows.md")]
    [InlineData(PublishedCaseSet.EleventhBatchRelativePath, "facts-addendum-38-strain-injury.md")]
    [InlineData(PublishedCaseSet.TwelfthBatchRelativePath, "facts-addendum-39-unjudged-cells.md")]
    [InlineData(PublishedCaseSet.ThirteenthBatchRelativePath, "facts-addendum-40-blind-cells.md")]
    [InlineData(PublishedCaseSet.FourteenthBatchRelativePath, "facts-addendum-41-second-blind-batch.md")]
    [InlineData(PublishedCaseSet.FifteenthBatchRelativePath, "facts-addendum-42-gtps-prior.md")]
    [InlineData(PublishedCaseSet.SixteenthBatchRelativePath, "facts-addendum-43-fourth-blind-batch.md")]
    public void ReservedBatch_IsScoredOnlySinceTheAddendumThatNamedIt(string relativePath, string addendumFile)
    {
        Assert.Contains(HoldoutBatch.All, b => b.RelativePath == relativePath);
        var readme = File.ReadAllText(Path.Combine(Root.Value, relativePath, "README.md"));
        Assert.Contains("**Reserved until a pre-registered change names it", readme, StringComparison.Ordinal);
        Assert.Contains(addendumFile, readme, StringComparison.Ordinal);
        var addendum = File.ReadAllText(Path.Combine(Root.Value, "docs", "evidence", addendumFile));
        Assert.Contains("This addendum names it.", addendum, StringComparison.Ordinal);
    }

    /// <summary>
    /// The seventeenth batch is reserved (its README, rule 2): the mechanical checks above read its files, but no report
    /// scores it until a pre-registered change names it, so it is not one of the scored batches.
    /// </summary>
    [Fact]
    public void ReservedBatch_IsNotScored()
    {
        Assert.DoesNotContain(HoldoutBatch.All, b => b.RelativePath == PublishedCaseSet.ReservedBatchRelativePath);
        Assert.NotEmpty(PublishedCaseSet.Load(Root.Value, PublishedCaseSet.ReservedBatchRelativePath));
        var readme = File.ReadAllText(Path.Combine(Root.Value, PublishedCaseSet.ReservedBatchRelativePath, "README.md"));
        Assert.Contains("**Reserved until a pre-registered change names it**", readme, StringComparison.Ordinal);
    }

    /// <summary>
    /// Facts addendum 33 was judged by the seventh batch's septic arthritis cases: the sum of (1 - p)^2 of the septic
    /// arthritis probability fell from 2.437 (base 0.12.0) to 2.161 (base 0.13.0). The base must keep it there or lower.
    /// </summary>
    [Fact]
    public void SeventhBatch_SepticCases_KeepAddendum33sSquaredError()
    {
        var report = HoldoutAccuracy.Evaluate(BuiltInKnowledgeBase.Instance, Root.Value, HoldoutBatch.Seventh);

        Assert.NotNull(report);
        var (cases, squaredError) = HoldoutAccuracy.CauseError(report, "septic-arthritis");
        Assert.Equal(3, cases.Length);
        Assert.True(squaredError <= 2.1615, HoldoutAccuracy.RenderCauseError(report, "septic-arthritis"));
    }

    /// <summary>The batch a folder holds.</summary>
    private static HoldoutBatch Batch(string relativePath) => HoldoutBatch.All.Single(b => b.RelativePath == relativePath);

    /// <summary>Every case of the first set and of the batches before the given one.</summary>
    private static IEnumerable<PublishedCase> EarlierSets(string relativePath) =>
        PublishedCaseSet.Load(Root.Value).Concat(HoldoutBatch.All.TakeWhile(b => b.RelativePath != relativePath).SelectMany(b => PublishedCaseSet.Load(Root.Value, b.RelativePath)));

    private static IEnumerable<string> Dois(PublishedCase c) =>
        Regex.Matches($"{c.Citation} {c.Url}", @"10\.\d{4,}/[^\s,;)]+").Select(m => m.Value.TrimEnd('.').ToLowerInvariant());

    private static string Normalise(string url) =>
        url.Replace("https://", string.Empty, StringComparison.OrdinalIgnoreCase).Replace("http://", string.Empty, StringComparison.OrdinalIgnoreCase).TrimEnd('/').ToLowerInvariant();
}
