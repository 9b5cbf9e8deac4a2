using System.Globalization;
using HipPain.Rules.Model;

namespace HipPain.Rules.Knowledge;

/// <summary>How sure a source is, which decides how far its likelihood ratios are capped (see docs/knowledge-base.md).</summary>
internal enum CapTier
{
    /// <summary>Meta-analysis, guideline, or consecutive cohort of 100 or more: LR+ at most 10, LR- at least 0.1.</summary>
    A,

    /// <summary>A single cohort under 100 patients: LR+ at most 6, LR- at least 0.15.</summary>
    B,

    /// <summary>Case-control, under 30 patients, or a 0% / 100% sensitivity or specificity: LR+ at most 4, LR- at least 0.25.</summary>
    C,
}

/// <summary>
/// The citations the built-in base uses, written once, and the cap applied to optimistic figures. Figures
/// come from ../shared/reference/hip-clinical-facts.md; the fact id (T1, H6, ...) is in each note.
/// </summary>
internal static class Sources
{
    public static (double Positive, double Negative, string Note) Cap(double positive, double negative, CapTier tier)
    {
        var (maxPositive, minNegative) = tier switch
        {
            CapTier.A => (10.0, 0.1),
            CapTier.B => (6.0, 0.15),
            _ => (4.0, 0.25),
        };
        var p = Math.Min(positive, maxPositive);
        var n = Math.Max(negative, minNegative);
        var note = p == positive && n == negative
            ? $"Within the tier {tier} caps; used as published."
            : string.Create(CultureInfo.InvariantCulture, $"Published LR+ {positive:0.###} / LR- {negative:0.###}; capped to {p:0.###} / {n:0.###} (tier {tier}).");
        return (p, n, note);
    }

    /// <summary>
    /// Marks evidence whose source describes a feature but publishes no ratio for it: the citation and the
    /// source's design (level) stay, and the status becomes <see cref="VerificationStatus.Estimated"/>.
    /// </summary>
    public static Evidence AsEstimate(this Evidence source) =>
        new(source.Citation, source.Level, VerificationStatus.Estimated, source.Note);

    public static Evidence Estimate(string reasoning) =>
        new("HipPain.Rules maintainers' estimate (no published figure); see docs/knowledge-base.md", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated, reasoning);

    public static Evidence LocationMatrix(string note) =>
        new("Facts table §1.19 location matrix (synthesis of the condition sources in §1); ratio estimated by the maintainers", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated, note);

    public static Evidence Reiman2013(string note) =>
        new("Reiman MP, Goode AP, Hegedus EJ, Cook CE, Wright AA. Br J Sports Med 2013;47:893-902, Table 8", EvidenceLevel.SystematicReview, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Reiman2021(string note) =>
        new("Reiman MP et al. Arch Phys Med Rehabil 2021 (systematic review of patient-history items for hip OA)", EvidenceLevel.SystematicReview, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Grimaldi2017(string note) =>
        new("Grimaldi A et al. Br J Sports Med 2017;51:519-524", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Kinsella2024(string note) =>
        new("Kinsella R et al. J Orthop Sports Phys Ther 2024;54(1):26 (meta-analysis, 6 studies, 272 patients)", EvidenceLevel.SystematicReview, VerificationStatus.Derived, note);

    public static Evidence Segal2007(string note) =>
        new("Segal NA et al. Arch Phys Med Rehabil 2007;88:988", EvidenceLevel.CohortStudy, VerificationStatus.Computed, note);

    public static Evidence Narvani2003(string note) =>
        new("Narvani AA et al. Knee Surg Sports Traumatol Arthrosc 2003;11:403", EvidenceLevel.CohortStudy, VerificationStatus.Computed, note);

    public static Evidence Birrell2001(string note) =>
        new("Birrell F et al. Rheumatology 2001 (PMID 11371658)", EvidenceLevel.CohortStudy, VerificationStatus.Computed, note);

    public static Evidence Cacchio2012(string note) =>
        new("Cacchio A et al. Br J Sports Med 2012;46:883", EvidenceLevel.CaseControlStudy, VerificationStatus.VerifiedSecondary, note);

    public static Evidence Falvey2016(string note) =>
        new("Falvey EC et al. Br J Sports Med 2016;50:423, Table 4", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Margaretten2007(string note) =>
        new("Margaretten ME et al. JAMA 2007;297:1478 (via secondary summary)", EvidenceLevel.SystematicReview, VerificationStatus.VerifiedSecondary, note);

    public static Evidence Barrack2014(string note) =>
        new("Barrack MT et al. Am J Sports Med 2014;42:949", EvidenceLevel.CohortStudy, VerificationStatus.Derived, note);

    public static Evidence Robertson2017(string note) =>
        new("Robertson GA, Wood AM. Sports Med Int Open 2017;1:E58", EvidenceLevel.SystematicReview, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Coakley2006(string note) =>
        new("Coakley G et al. BSR/BHPR/BOA/RCGP/BSAC guideline, hot swollen joint in adults. Rheumatology 2006;45:1039", EvidenceLevel.Guideline, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Downie2013(string note) =>
        new("Downie A et al. Br Med J 2013;347:f7095", EvidenceLevel.SystematicReview, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Mellor2018(string note) =>
        new("Mellor R et al. BMJ 2018;361:k1662 (LEAP randomised trial)", EvidenceLevel.RandomisedTrial, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Nice226(string note) =>
        new("NICE NG226 Osteoarthritis in over 16s (2022)", EvidenceLevel.Guideline, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Serner2020(string note) =>
        new("Serner A et al. Orthop J Sports Med 2020;8:2325967119897247", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Holmich2007(string note) =>
        new("Hölmich P. Br J Sports Med 2007 (long-standing groin pain, 207 athletes); Weir A et al. Br J Sports Med 2015;49:768 (Doha)", EvidenceLevel.Guideline, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Reiman2013Table3(string note) =>
        new("Reiman MP, Goode AP, Hegedus EJ, Cook CE, Wright AA. Br J Sports Med 2013;47:893-902, Table 3 (Johnson AW et al. Am J Sports Med 1994;22:248)", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Zurich2020(string note) =>
        new("Reiman MP et al. Br J Sports Med 2020;54:631-641 (Zurich 2018 hip-related pain consensus), Table 1", EvidenceLevel.Guideline, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Warwick2016(string note) =>
        new("Griffin DR et al. Br J Sports Med 2016;50:1169-1176 (Warwick Agreement on FAI syndrome)", EvidenceLevel.Guideline, VerificationStatus.VerifiedSecondary, note);

    public static Evidence Altman1991(string note) =>
        new("Altman R et al. Arthritis Rheum 1991;34:505-514 (ACR classification criteria for hip OA)", EvidenceLevel.CohortStudy, VerificationStatus.Computed, note);

    public static Evidence Nice226Diagnosis(string note) =>
        new("NICE NG226 Osteoarthritis in over 16s (2022), recommendation 1.1.1", EvidenceLevel.Guideline, VerificationStatus.Estimated, note);

    public static Evidence Noakes1985(string note) =>
        new("Noakes TD et al. Am J Sports Med 1985;13:120 (pelvic stress fractures in long-distance runners)", EvidenceLevel.CaseSeries, VerificationStatus.Estimated, note);

    public static Evidence Martin2014(string note) =>
        new("Martin HD, Kivlan BR, Palmer IJ, Martin RL. Knee Surg Sports Traumatol Arthrosc 2014;22:882-888", EvidenceLevel.CaseControlStudy, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Martin2014Combined(string note) =>
        new("Martin HD et al. Knee Surg Sports Traumatol Arthrosc 2014;22:882 (combined figures via fpnotebook)", EvidenceLevel.CaseControlStudy, VerificationStatus.Computed, note);

    public static Evidence Hopayian2010(string note) =>
        new("Hopayian K et al. Eur Spine J 2010;19:2095-2109 (systematic review of piriformis syndrome features)", EvidenceLevel.SystematicReview, VerificationStatus.Estimated, note);

    public static Evidence VanDerWindt2010(string note) =>
        new("van der Windt DA et al. Cochrane Database Syst Rev 2010;CD007431", EvidenceLevel.SystematicReview, VerificationStatus.Computed, note);

    public static Evidence Iversen2013(string note) =>
        new("Iversen T et al. BMC Musculoskelet Disord 2013;14:206", EvidenceLevel.CohortStudy, VerificationStatus.Estimated, note);

    public static Evidence Laslett2003(string note) =>
        new("Laslett M et al. 2003 (via johnsnyderdpt clinical prediction rule page); Laslett M et al. Man Ther 2005;10:207", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedSecondary, note);

    public static Evidence Nice59(string note) =>
        new("NICE NG59 Low back pain and sciatica in over 16s (2016, updated 2020)", EvidenceLevel.Guideline, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Kocher1999(string note) =>
        new("Kocher MS, Zurakowski D, Kasser JR. J Bone Joint Surg Am 1999;81:1662 (via secondary summary)", EvidenceLevel.CohortStudy, VerificationStatus.Estimated, note);

    public static Evidence Osteonecrosis(string note) =>
        new("Osteonecrosis of the femoral head: pathogenesis consensus (PMC7961868); eMedicine 1247804 clinical presentation", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated, note);

    public static Evidence RedFlagCluster(string note) =>
        new("Greenhalgh S, Selfe J 2006 (via NHS Greater Glasgow and Clyde red-flag guidance); Downie A et al. Br Med J 2013;347:f7095", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated, note);

    public static Evidence SnappingHipReview(string note) =>
        new("Snapping hip review, Orthopedic Reviews (openmedicalpublishing 25088)", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated, note);

    public static Evidence Doha2015(string note) =>
        new("Weir A et al. Br J Sports Med 2015;49:768-774 (Doha agreement on groin pain in athletes)", EvidenceLevel.Guideline, VerificationStatus.Estimated, note);

    public static Evidence Gloucestershire(string note) =>
        new("NHS Gloucestershire hip pathway (facts §1.17 routing, §7)", EvidenceLevel.Guideline, VerificationStatus.VerifiedSecondary, note);

    public static Evidence Peck2017(string note) =>
        new("Peck DM, Voss LM, Voss TT. Am Fam Physician 2017;95:779 (slipped capital femoral epiphysis)", EvidenceLevel.ExpertOpinion, VerificationStatus.VerifiedSecondary, note);

    public static Evidence Nice12(string note) =>
        new("NICE NG12 Suspected cancer: recognition and referral (via secondary summary)", EvidenceLevel.Guideline, VerificationStatus.VerifiedSecondary, note);
}
