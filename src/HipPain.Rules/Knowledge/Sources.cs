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
    public static (double Positive, double Negative, string Note) Cap(double positive, double negative, CapTier tier) =>
        Cap(positive, negative, tier, derived: false);

    /// <summary>
    /// As <see cref="Cap(double, double, CapTier)"/>; a <paramref name="derived"/> ratio's note calls it derived, not
    /// published, so that a reader never takes the maintainers' computation for a figure a study reported.
    /// </summary>
    private static (double Positive, double Negative, string Note) Cap(double positive, double negative, CapTier tier, bool derived)
    {
        var (maxPositive, minNegative) = tier switch
        {
            CapTier.A => (10.0, 0.1),
            CapTier.B => (6.0, 0.15),
            _ => (4.0, 0.25),
        };
        var p = Math.Min(positive, maxPositive);
        var n = Math.Max(negative, minNegative);
        var note = (p == positive && n == negative, derived) switch
        {
            (true, false) => $"Within the tier {tier} caps; used as published.",
            (true, true) => $"Within the tier {tier} caps.",
            (false, false) => string.Create(CultureInfo.InvariantCulture, $"Published LR+ {positive:0.###} / LR- {negative:0.###}; capped to {p:0.###} / {n:0.###} (tier {tier})."),
            (false, true) => string.Create(CultureInfo.InvariantCulture, $"Capped to {p:0.###} / {n:0.###} (tier {tier})."),
        };
        return (p, n, note);
    }

    /// <summary>
    /// Marks evidence whose source describes a feature but publishes no ratio for it: the citation and the
    /// source's design (level) stay, and the status becomes <see cref="VerificationStatus.Estimated"/>.
    /// </summary>
    public static Evidence AsEstimate(this Evidence source) =>
        new(source.Citation, source.Level, VerificationStatus.Estimated, source.Note);

    public static Evidence Estimate(string reasoning) =>
        new("Maintainers' estimate, no published figure (docs/knowledge-base.md)", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated, reasoning);

    public static Evidence LocationMatrix(string note) =>
        new("Facts table §1.19 location matrix (from the §1 condition sources); ratios by the maintainers' convention", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated, note);

    public static Evidence ItbsLocation(string note) =>
        new("Facts table §1.8, iliotibial band syndrome, location row (BMJ Best Practice, iliotibial band syndrome, topic 587; V-sec) beside the §1.19 location matrix; ratios by the maintainers' convention", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated, note);

    public static Evidence OsteonecrosisLocation(string note) =>
        new("Facts table §1.16, osteonecrosis of the femoral head, location row (Levine, eMedicine 1247804, and ONFH reviews; V-sec), with facts A2-41 (Liège cohort: the presentation can be spinal or knee pain; V-abs), beside the §1.19 location matrix; ratios by the maintainers' convention", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated, note);

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

    /// <summary>What is known about a low vitamin D level and bone stress injury (base 0.23.0, facts addendum 51): odds ratios of exposure, no share among confirmed fractures.</summary>
    public static Evidence LowVitaminD(string note) =>
        new("Burgi AA et al. J Bone Miner Res 2011 (doi 10.1002/jbmr.451; nested case-control, 600 stress fractures and 600 controls); Knechtle B et al. Medicina 2021;57:223 (review); facts addendum 51, VD51-1 to VD51-5", EvidenceLevel.CaseControlStudy, VerificationStatus.Estimated, note);

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

    /// <summary>Serner's prognostic cohort of acute adductor injuries, the source of the facts table's §1.10 urgency row (base 0.19.0, facts addendum 46).</summary>
    public static Evidence SernerPrognosis(string note) =>
        new("Serner A et al., prospective prognostic cohort of 81 male athletes with acute adductor injuries (Erasmus University repository record repub.eur.nl/pub/125816; facts §1.10); Colosimo AJ et al., Hamstring avulsion injuries (review)", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary, note);

    /// <summary>What is known about a bruise after an acute muscle injury (base 0.21.0, facts addendum 49): no share or accuracy figure exists.</summary>
    public static Evidence MuscleBruising(string note) =>
        new("Heiderscheit BC et al. J Orthop Sports Phys Ther 2010;40:67, Table 2 (Askling's series: ecchymosis minimal to none); Kerkhoffs GM et al. Knee Surg Sports Traumatol Arthrosc 2013;21:500; Colosimo AJ et al., Hamstring avulsion injuries (review); facts addendum 49, BR49-1 to BR49-5", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated, note);

    /// <summary>What is known about tenderness along an injured thigh muscle's belly (base 0.24.0, facts addendum 52): part of the bedside diagnosis of a strain; no accuracy figure exists.</summary>
    public static Evidence MuscleBellyTenderness(string note) =>
        new("Kerkhoffs GM et al. Knee Surg Sports Traumatol Arthrosc 2013;21:500 (review and ESSKA survey); Heiderscheit BC et al. J Orthop Sports Phys Ther 2010;40:67; Moen MH et al. Br J Sports Med 2014;48:1358 (80 MRI-positive hamstring injuries); Serner A et al. Br J Sports Med 2016;50:1541 (facts T58); facts addendum 52, MB52-1 to MB52-4", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated, note);

    /// <summary>Blood tests at the diagnosis of primary bone tumours (base 0.25.0, facts addendum 53): raised against the laboratory's range.</summary>
    public static Evidence BoneTumourBloods(string note) =>
        new("British Orthopaedic Oncology Society meeting abstract 2011, Bone Joint J Orthop Proc 94-B Supp XXX (541 newly diagnosed primary bone tumours at one sarcoma centre, 2005-2010; facts addendum 16, IN16-7; addendum 53, IM53-4)", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary, note);

    /// <summary>Smoking and osteonecrosis of the femoral head (base 0.26.0, facts addendum 54): odds ratios from case-control studies, no share.</summary>
    public static Evidence SmokingOsteonecrosis(string note) =>
        new("Influence of cigarette smoking on osteonecrosis of the femoral head: a systematic review and meta-analysis. Hip Int 2017;27:425 (doi 10.5301/hipint.5000516; 7 case-control studies); J Orthop Sci 2012 (doi 10.1007/s00776-012-0293-x; 72 cases, 244 controls); Matsuo K et al. Clin Orthop Relat Res 1988;(234):115; facts addendum 54, SM54-1 to SM54-4", EvidenceLevel.CaseControlStudy, VerificationStatus.Estimated, note);

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

    public static Evidence Martin2011(string note) =>
        new("Martin HD, Shears SA, Johnson JC, Smathers AM, Palmer IJ. The endoscopic treatment of sciatic nerve entrapment/deep gluteal syndrome. Arthroscopy 2011 (epub 2010; 35 patients; facts A4-37)", EvidenceLevel.CaseSeries, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Park2016(string note) =>
        new("Park MS, Yoon SJ, Jung SY, Kim SH. Clinical results of endoscopic sciatic nerve decompression for deep gluteal syndrome. BMC Musculoskelet Disord 2016;17 (60 consecutive patients, 15 with major trauma; facts A4-38)", EvidenceLevel.CaseSeries, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Chou2004(string note) =>
        new("Chou LH, Slipman CW, Bhagia SM et al. Inciting events initiating injection-proven sacroiliac joint syndrome. Pain Med 2004;5:26-32 (54 patients whose pain resolved with intra-articular injection; facts addendum 15, HX15-1)", EvidenceLevel.CaseSeries, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Hernigou2018(string note) =>
        new("Hernigou P, Jammal S, Pariat J, Flouzat-Lachaniette CH, Dubory A. Hip osteonecrosis and pregnancy in healthy women. Int Orthop 2018;42:1203-1211 (case-crossover, 652 women without another cause; facts addendum 44, PG44-39)", EvidenceLevel.CaseControlStudy, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Confhd(string note) =>
        new("China Osteonecrosis of the Femoral Head Database (CONFHD) cross-sectional study, 1,844 patients 2016-2018 (PMC7862166; facts A2-40)", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Fukushima2010(string note) =>
        new("Fukushima W, Fujioka M, Kubo T, Tamakoshi A, Nagai M, Hirota Y. Nationwide epidemiologic survey of idiopathic osteonecrosis of the femoral head. Clin Orthop Relat Res 2010;468:2715-2724 (1,502 patients; facts A2-37, addendum 18, EX18-3)", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Hopayian2010(string note) =>
        new("Hopayian K et al. Eur Spine J 2010;19:2095-2109 (systematic review of piriformis syndrome features)", EvidenceLevel.SystematicReview, VerificationStatus.Estimated, note);

    /// <summary>What is known about pain on a piriformis tension manoeuvre (base 0.22.0, facts addendum 50): no accuracy figure exists for any single manoeuvre.</summary>
    public static Evidence PiriformisTension(string note) =>
        new("Hopayian K et al. Eur Spine J 2010;19:2095 and Hopayian K, Danielyan A. Eur J Orthop Surg Traumatol 2018;28:155 (systematic reviews of piriformis syndrome features); Yürük D et al. Br J Pain 2024;18:418 (Freiberg's test, the Pace sign and FADIR among 66 patients with sciatica); facts addendum 50, PT50-1 to PT50-5", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated, note);

    public static Evidence VanDerWindt2010(string note) =>
        new("van der Windt DA et al. Cochrane Database Syst Rev 2010;CD007431", EvidenceLevel.SystematicReview, VerificationStatus.Computed, note);

    public static Evidence Iversen2013(string note) =>
        new("Iversen T et al. BMC Musculoskelet Disord 2013;14:206", EvidenceLevel.CohortStudy, VerificationStatus.Estimated, note);

    public static Evidence SlumpKigali(string note) =>
        new("Accuracy of straight leg raise and slump tests in detecting lumbar disc herniation: a pilot study (Kigali, 33 patients; PMID 26255334), abstract (facts V7-1)", EvidenceLevel.CohortStudy, VerificationStatus.Computed, note);

    public static Evidence Suri2011(string note) =>
        new("Suri P, Rainville J, Katz JN et al. Spine 2011;36(1):63-73 (facts V7-4)", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary, note);

    public static Evidence IliopsoasMass(string note) =>
        new("Lohr KM. Iliopsoas bursitis, Medscape (physical findings, updated 2020); iliopsoas bursitis presenting as a groin mass, Rheumatology Network (facts V7-9)", EvidenceLevel.ExpertOpinion, VerificationStatus.VerifiedSecondary, note);

    public static Evidence Sher2011(string note) =>
        new("Sher I, Umans H, Downie SA, Tobin K, Arora R, Olson TR. Skeletal Radiol 2011;40(12):1553-1556 (proximal iliotibial band syndrome; facts V7-11)", EvidenceLevel.CaseSeries, VerificationStatus.VerifiedPrimary, note);

    public static Evidence SignOfTheButtock(string note) =>
        new("Popp L, Scheidhauer H. Cyriax's sign of the buttock, case report and literature review. physioscience 2010;6(2):48-52; Physiopedia, Sign of the Buttock (facts V7-12, V7-13)", EvidenceLevel.CaseSeries, VerificationStatus.VerifiedPrimary, note);

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

    // Sources added for the published-case work (docs/evidence/facts-addendum-3.md and -4.md; fact ids A3-n, A4-n).
    public static Evidence Burnett2006(string note) =>
        new("Burnett RSJ, Della Rocca GJ, Prather H, Curry M, Maloney WJ, Clohisy JC. J Bone Joint Surg Am 2006;88:1448-1457 (66 arthroscopically confirmed labral tears; facts A4-20 to A4-22)", EvidenceLevel.CaseSeries, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Clohisy2009(string note) =>
        new("Clohisy JC et al. Clin Orthop Relat Res 2009;467:638 (51 patients with symptomatic anterior FAI; facts A4-23)", EvidenceLevel.CaseSeries, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Liege2016(string note) =>
        new("Prospective cohort of the clinical presentation of non-traumatic osteonecrosis of the femoral head, Int Orthop 2016 (PMID 26728612; 88 patients, 125 hips; facts A2-41)", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Margaretten2007Symptoms(string note) =>
        new("Margaretten ME et al. JAMA 2007;297:1478, symptom sensitivities via two independent secondary sources (facts A3-32)", EvidenceLevel.SystematicReview, VerificationStatus.VerifiedSecondary, note);

    public static Evidence Gupta2001(string note) =>
        new("Gupta MN, Sturrock RD, Field M. Rheumatology 2001;40:24-30 (75 adults with culture-positive septic arthritis; facts A3-36)", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary, note);

    // Source added for base 0.13.0 (issue 11: the adult septic hip series, facts addendum 33, AS33-1 and AS33-2).
    public static Evidence SepticHipLeedsYork(string note) =>
        new("Septic arthritis of the hip in adults: retrospective review of 46 cases, Leeds and York 1991-2005. J Bone Joint Surg Br 2008;90-B Supp III (meeting abstract; facts addendum 33, AS33-1 and AS33-2; addendum 8, SS8-5; addendum 20, G20-3)", EvidenceLevel.CaseSeries, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Couderc2015(string note) =>
        new("Couderc M et al. CJEM 2015;17:403-410 (105 adults with suspected septic arthritis; facts A2-13, A3-34)", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Kocher2004(string note) =>
        new("Kocher MS et al. J Bone Joint Surg Am 2004;86:1629 (prospective validation, 154 analysed), stratum probabilities via Uzoigwe 2014 Table 1 (facts A2-2 to A2-4)", EvidenceLevel.CohortStudy, VerificationStatus.Derived, note);

    public static Evidence Singhal2011(string note) =>
        new("Singhal R et al. J Bone Joint Surg Br 2011 (PMID 22058311; 311 children with a hip effusion, 29 septic), stratum figures derived from the abstract (facts A2-8, A2-9)", EvidenceLevel.CohortStudy, VerificationStatus.Derived, note);

    public static Evidence Caird2006(string note) =>
        new("Caird MS et al. J Bone Joint Surg Am 2006 (PMID 16757758; 48 children aspirated for a suspected septic hip; facts A2-6, A2-7)", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Knobloch2025(string note) =>
        new("Knobloch AC et al. Curr Sports Med Rep 2025;24:281-291 (bone stress injuries in endurance athletes; facts A3-31)", EvidenceLevel.ExpertOpinion, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Wright2015(string note) =>
        new("Wright AA et al. Br J Sports Med 2015;49:1517 (systematic review of stress-fracture risk factors in runners; facts A2-19)", EvidenceLevel.SystematicReview, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Wright2016Imaging(string note) =>
        new("Wright AA et al. Am J Sports Med 2016;44:255-263 (imaging accuracy for lower-extremity stress fractures; facts A3-26, A3-27)", EvidenceLevel.SystematicReview, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Slipman2000(string note) =>
        new("Slipman CW et al. Arch Phys Med Rehabil 2000;81:334-338 (50 patients with injection-confirmed sacroiliac joint pain; facts A4-6)", EvidenceLevel.CaseSeries, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Lesher2008(string note) =>
        new("Lesher JM et al. Pain Med 2008;9:22-25 (51 patients with injection-confirmed hip-joint pain; facts A4-1)", EvidenceLevel.CaseSeries, VerificationStatus.VerifiedPrimary, note);

    // Sources added for base 0.14.0 (issue 11: cells of facts addenda 8, 9 and 11 kept by facts addendum 34's screen).
    public static Evidence Lesher2008Regions(string note) =>
        new("Lesher JM et al. Pain Med 2008;9:22-25 (51 patients with injection-confirmed hip-joint pain), sub-areas of the thigh via the PainScience bibliography note (facts A4-2; addendum 11 LO11-18 to LO11-21)", EvidenceLevel.CaseSeries, VerificationStatus.VerifiedSecondary, note);

    public static Evidence Poulsen2016(string note) =>
        new("Poulsen E et al. Fam Pract 2016;33:601-606 (pain drawings of 108 primary-care patients with clinical and radiographic hip OA; facts A4-4; addendum 11 LO11-8 to LO11-12)", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary, note);

    public static Evidence HipPainMaps(string note) =>
        new("Burnett RSJ et al. J Bone Joint Surg Am 2006;88:1448-1457 (66 confirmed labral tears), regional shares as compiled in WikiMSK \"Hip Pain Maps\" (facts A4-5; addendum 11 LO11-4 to LO11-6)", EvidenceLevel.CaseSeries, VerificationStatus.VerifiedSecondary, note);

    public static Evidence SacroiliacGroinSeries(string note) =>
        new("Slipman CW et al. Arch Phys Med Rehabil 2000;81:334-338 (50 patients, intra-articular block, facts A4-6); Kurosawa D, Murakami E, Aizawa T. Eur Spine J 2015;24:521-527 (50 patients, periarticular block, facts A4-7); addendum 11 LO11-24, LO11-25", EvidenceLevel.CaseSeries, VerificationStatus.VerifiedPrimary, note);

    public static Evidence RadicularGroinSeries(string note) =>
        new("Yukawa Y, Kato F, Kajino G, Nakamura S, Nitta H. Spine 1997;22:1736-1740 (512 patients with a single lower lumbar disc herniation); Sasaki M et al. J Spine 2014;3(3):169 (210 operated patients with single-level radiculopathy); addendum 11 LO11-29, LO11-30", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary, note);

    public static Evidence FaiMorphologyCohort(string note) =>
        new("Case-control study of symptomatic hip OA in patients with FAI morphology (PMC8087082, abstract): 952 patients with hip pain, radiographs and FAI morphology in a geographic database, 2000-2016, mean age at presentation 27.6 +/- 8.7 years (addendum 9, AG9-5)", EvidenceLevel.CohortStudy, VerificationStatus.Computed, note);

    public static Evidence Hawker2008(string note) =>
        new("Hawker GA et al. Osteoarthritis Cartilage 2008;16:415-422 (pain experience in hip and knee OA; facts A4-42)", EvidenceLevel.ExpertOpinion, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Benazzo2013(string note) =>
        new("Benazzo F et al. J Orthop Traumatol 2013;14:83-89, examination findings tabulated in Nasser AM et al. Int J Sports Phys Ther 2021 (facts A4-35)", EvidenceLevel.CaseSeries, VerificationStatus.VerifiedSecondary, note);

    public static Evidence Winston2007(string note) =>
        new("Winston P et al. Am J Sports Med 2007;35:118 (snapping hip in elite ballet dancers; facts A2-61)", EvidenceLevel.CaseSeries, VerificationStatus.VerifiedPrimary, note);

    public static Evidence Neuropathic(string note) =>
        new("Yamashita T et al. J Orthop Sci 2014;19:15-21 and Mahn F et al. PLoS One 2011;6:e18018 (neuropathic pain screening in spinal pain and radiculopathy; facts A4-44, A4-46); hip OA comparison A4-47", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary, note);

    public static Evidence PelvicSarcoma(string note) =>
        new("Delay in the diagnosis of primary bone sarcoma of the pelvis, J Bone Joint Surg Am 1999 (PMID 10199269); Kadhim M et al. 2018 (PMC6195345); Widhe B, Widhe T. J Bone Joint Surg Am 2000;82:667 (facts A3-48 to A3-50)", EvidenceLevel.CaseSeries, VerificationStatus.VerifiedPrimary, note);

    public static Evidence NiceCg27(string note) =>
        new("NICE CG27 referral guidelines for suspected cancer, bone section, as reproduced in NHS pathways (facts A3-57); Scottish referral guidelines (A3-59)", EvidenceLevel.Guideline, VerificationStatus.VerifiedSecondary, note);

    public static Evidence SportExposure(string note) =>
        new("Hölmich P. Br J Sports Med 2007 (adductor-related pain in 69% of footballers); Serner A et al. Am J Sports Med 2015;43:1857 (kicking in 40% of acute groin injuries); Falotico GG et al. KSSTA 2018 (cam or pincer morphology in 92.5% of professional footballers; facts A4-63)", EvidenceLevel.CaseSeries, VerificationStatus.VerifiedPrimary, note);

    // Sources added in the third published-case pass (docs/evidence/facts-addendum-5.md; fact ids A5-n).
    public static Evidence Deyo1988(string note) =>
        new("Deyo RA, Diehl AK. J Gen Intern Med 1988;3:230-238 (1,975 walk-in back-pain patients, 13 cancers), sensitivities and specificities as tabulated in a clinical red-flag protocol citing it (facts A5-1, A5-2)", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedSecondary, note);

    public static Evidence SacralStressFracture(string note) =>
        new("Fredericson M, Salamancha L, Beaulieu C. Phys Sportsmed 2003;31(2) (sacral stress fractures in distance runners); a 5-case series in Sports Health 2019 (PMC6745814); Harris CE et al. Curr Sports Med Rep 2016;15:73 (facts A3-20, A3-21, A5-3, A5-4)", EvidenceLevel.CaseSeries, VerificationStatus.VerifiedPrimary, note);

    // Sources added for base 0.7.0 (issue 11 item 3: a hop-test branch of the pelvic gate; fact ids A3-20, A5-6, A5-7).
    public static Evidence SacralHopTest(string note) =>
        new("Harris CE, Vincent HK, Vincent KR. Curr Sports Med Rep 2016;15:73 (clinical pearl, facts A3-20); Kahanov L, Eberman L, Alvey T, True J, Yeargin B. J Am Osteopath Assoc 2011;111(10):585-591 (case report and literature review, A5-6); McFarland EG, Giangarra C. Clin Orthop Relat Res 1996;(329):240-243 (3 cases, A5-7)", EvidenceLevel.CaseSeries, VerificationStatus.VerifiedPrimary, note);

    public static Evidence SickleCellOnfh(string note) =>
        new("SCCRIP cohort (NCT02098863) abstract: hip MRI in children with sickle cell disease and hip pain (facts A5-5); Blood Adv 2017;1:1287 population cohort (A3-44)", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary, note);

    // Sources added for base 0.27.0 (facts addendum 55: a hip replacement on the painful side; fact ids PA55-n).

    /// <summary>What a hip replacement removes (PA55-4) and the reviews of the painful replacement, none of which lists a disease of the removed structures among its causes (PA55-1 to PA55-3).</summary>
    public static Evidence ReplacedHip(string note) =>
        new("Merck Manual, home edition, figure \"Replacing a hip\"; Jamali A. Hip resurfacing arthroplasty, Joint Preservation Institute, updated 2017; Hulin K, Fearon A, Newman P. J Clin Orthop Trauma 2025 (doi 10.1016/j.jcot.2025.103036); Forster-Horvath C et al. Swiss Med Wkly 2014;144:w13974; Ferrata P et al. Clin Cases Miner Bone Metab 2011;8(2):19-22 (facts addendum 55, PA55-1 to PA55-4)", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated, note);

    /// <summary>The share of each diagnosis among 388 painful hip arthroplasties (PA55-1); a ratio taken from it is an estimate, because its setting is not a runners' clinic.</summary>
    public static Evidence Hulin2025(string note) =>
        new("Hulin K, Fearon A, Newman P. What are the diagnoses attributed to persistent hip pain after hip arthroplasty? A systematic review. J Clin Orthop Trauma 2025 (doi 10.1016/j.jcot.2025.103036; nine case series, 388 painful hip arthroplasties; facts addendum 55, PA55-1)", EvidenceLevel.SystematicReview, VerificationStatus.Estimated, note);

    /// <summary>
    /// The LR+ that moves a cause from its prior to a published share of the cause among patients of a narrower setting
    /// who all have one finding (facts addendum 55, rule R2): (q / (1 - q)) / (p / (1 - p)), rounded to two decimals.
    /// With that finding alone known, the cause's probability is then the share.
    /// </summary>
    /// <param name="share">The cause's share in the setting (q).</param>
    /// <param name="prior">The cause's prior in the base (p).</param>
    public static double FromShareInSetting(double share, double prior) =>
        Math.Round(share / (1 - share) / (prior / (1 - prior)), 2);

    /// <summary>The smallest LR+ an estimated weight may have (docs/knowledge-base.md, rule 4).</summary>
    public const double MinimumEstimatedPositive = 0.25;

    /// <summary>The largest LR- an estimated weight may have (docs/knowledge-base.md, rule 4).</summary>
    public const double MaximumEstimatedNegative = 1.5;

    /// <summary>The largest LR+ an estimated weight may have (docs/knowledge-base.md, rule 4); a derived weight is an estimate, so it is held to this bound even when its tier would allow more.</summary>
    public const double MaximumEstimatedPositive = 6.0;

    /// <summary>
    /// Likelihood ratios derived from how often a feature occurs in the cause (a sensitivity read in a series or
    /// estimated) and how often it occurs in the other causes of a runner's hip pain (the comparison frequency,
    /// <see cref="Comparison"/>): LR+ = f / c, LR- = (1 - f) / (1 - c), then capped by the tier.
    /// </summary>
    public static (double Positive, double Negative, string Note) Derive(double inCause, double inOthers, CapTier tier)
    {
        var positive = Math.Round(inCause / inOthers, 2);
        var negative = Math.Round((1 - inCause) / (1 - inOthers), 2);
        var (boundedPositive, boundedNegative) = (Math.Max(positive, MinimumEstimatedPositive), Math.Min(negative, MaximumEstimatedNegative));
        var (p, n, capNote) = Cap(boundedPositive, boundedNegative, tier, derived: true);
        if (boundedPositive != positive || boundedNegative != negative)
        {
            capNote = string.Create(CultureInfo.InvariantCulture, $"Held to the estimate bounds (LR+ at least {MinimumEstimatedPositive:0.##}, LR- at most {MaximumEstimatedNegative:0.#}; docs/knowledge-base.md, rule 4): {boundedPositive:0.##} / {boundedNegative:0.##}. {capNote}");
        }

        if (p > MaximumEstimatedPositive)
        {
            p = MaximumEstimatedPositive;
            capNote = string.Create(CultureInfo.InvariantCulture, $"{capNote} Held to the estimate bound of LR+ {MaximumEstimatedPositive:0.#} (docs/knowledge-base.md, rule 4).");
        }

        return (p, n, string.Create(CultureInfo.InvariantCulture, $"Derived from the feature's frequency in this cause ({inCause:0.##}) and in the other causes of a runner's hip pain ({inOthers:0.##}; see docs/knowledge-base.md, comparison frequencies): LR+ {positive:0.##}, LR- {negative:0.##}. {capNote}"));
    }
}
