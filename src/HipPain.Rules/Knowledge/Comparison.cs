namespace HipPain.Rules.Knowledge;

/// <summary>
/// Comparison frequencies: how often a feature occurs among runners whose hip pain has some other cause. Most
/// published presentations give only a feature's frequency in the condition itself (a sensitivity), with no
/// comparison group; the maintainers estimate the frequency in everything else once per feature, here, so that
/// every cause that uses the feature is weighed against the same background (see <see cref="Sources.Derive"/>).
/// Each figure is an estimate with its reasoning; none is a published specificity. docs/knowledge-base.md lists
/// them.
/// </summary>
internal static class Comparison
{
    /// <summary>Fever or feeling unwell: an intercurrent illness in a runner with mechanical hip pain; estimated 3%.</summary>
    public const double Fever = 0.03;

    /// <summary>Night sweats or chills: rarer still outside infection and malignancy; estimated 3%.</summary>
    public const double NightSweats = 0.03;

    /// <summary>
    /// Limping, reported or observed: common in labral tears (39%, Burnett 2006), osteonecrosis (50%, A2-41) and
    /// advanced OA, uncommon in tendinopathies and referred pain; prior-weighted estimate 20%.
    /// </summary>
    public const double Limp = 0.20;

    /// <summary>
    /// Sudden onset over minutes to hours: defining for acute strains, 30-39% of labral tears and about 35% of FAI
    /// (Burnett 2006; Clohisy 2009), 55% of osteonecrosis (A2-41), rare in tendinopathies; prior-weighted
    /// estimate 25%.
    /// </summary>
    public const double AcuteOnset = 0.25;

    /// <summary>Gradual onset without an injury: the complement of <see cref="AcuteOnset"/> among those who can say; estimated 65%.</summary>
    public const double GradualOnset = 0.65;

    /// <summary>Pain getting steadily worse over days or weeks: chronic mechanical pain mostly fluctuates; estimated 35%.</summary>
    public const double Worsening = 0.35;

    /// <summary>Symptoms for more than 3 months: most non-acute causes present after months (labral 21 months, FAI 3.1 years to diagnosis); estimated 50%.</summary>
    public const double LongDuration = 0.50;

    /// <summary>Symptoms for less than 2 weeks: acute strains and injuries; estimated 15%.</summary>
    public const double ShortDuration = 0.15;

    /// <summary>Severe pain (7/10 or more): moderate-to-severe pain is common (86% in labral tears, Burnett 2006) but 7/10 or more less so; estimated 25%.</summary>
    public const double SeverePain = 0.25;

    /// <summary>Mild pain (3/10 or less at its worst): common in tendinopathies and early overuse; estimated 30%.</summary>
    public const double MildPain = 0.30;

    /// <summary>Burning, electric or shooting pain: a neuropathic descriptor; about a quarter of hip OA screens neuropathic (A4-47), fewer tendinopathies; estimated 15%.</summary>
    public const double BurningPain = 0.15;

    /// <summary>Pain on rising from sitting or getting out of a car: position-related groin pain; estimated 25%.</summary>
    public const double RisingFromSitting = 0.25;

    /// <summary>Pain on log roll or on every passive movement: an irritable joint; estimated 10%.</summary>
    public const double LogRollPain = 0.10;

    /// <summary>
    /// Restricted hip range of motion: restricted rotation is common in other hip pain too (reduced hip internal
    /// rotation in 75% of 101 people presenting with low back pain, facts A4-15); estimated 40% (the comparison FAI's
    /// rule has used since base 0.3.0, named once by facts addendum 33).
    /// </summary>
    public const double RangeRestricted = 0.40;

    /// <summary>C-reactive protein above 20 mg/L: uncommon in mechanical hip pain of runners; estimated 5% (when measured).</summary>
    public const double CrpRaised = 0.05;

    /// <summary>Plain radiographs normal: soft-tissue causes and early bone stress injury have normal films; OA does not; estimated 80%.</summary>
    public const double RadiographNormal = 0.80;

    /// <summary>Long-distance or marathon running: a large share of recreational runners; estimated 35%.</summary>
    public const double DistanceRunner = 0.35;

    /// <summary>Also plays a kicking or cutting sport: estimated 20% of runners presenting with hip pain.</summary>
    public const double KickingSport = 0.20;

    /// <summary>Dance, ballet or gymnastics: estimated 5%.</summary>
    public const double Dancer = 0.05;

    /// <summary>Tenderness at the ischial tuberosity: estimated 10% (hamstring origin problems only).</summary>
    public const double IschialTenderness = 0.10;
}
