using HipPain.Rules.Model;

namespace HipPain.Rules.Knowledge;

/// <summary>
/// The evidence for a treatment in one cause, where it is not the treatment's own (issue 18): a trial in one condition
/// does not grade the same treatment in another. Each is cited from the reference facts (§1, §6); the cause files pass
/// them to <c>Treat</c>.
/// </summary>
internal static class TreatmentEvidenceByCause
{
    /// <summary>Ultrasound-guided iliopsoas bursa injection: case reports and reviews, no trial (facts §1.2, §6).</summary>
    public static readonly Evidence IliopsoasInjection = new(
        "Vaccaro JP et al. Radiology 1995 (iliopsoas bursa injection); snapping hip review, Orthopedic Reviews (openmedicalpublishing 25088); Anderson CN. Clin Sports Med 2016",
        EvidenceLevel.CaseSeries,
        VerificationStatus.VerifiedSecondary,
        "Facts §1.2 and §6: injection after failed conservative care; no randomised trial located. The GTPS trial (Rompe 2009) does not grade it.");

    /// <summary>Local corticosteroid injection in recent-onset ITBS (facts §1.8).</summary>
    public static readonly Evidence IliotibialInjection = new(
        "Gunter P, Schwellnus MP. Br J Sports Med 2004;38:269 (randomised trial, n=18)",
        EvidenceLevel.RandomisedTrial,
        VerificationStatus.VerifiedPrimary,
        "Less pain while running at 2 weeks in recent-onset ITBS; a small trial.");

    /// <summary>Intra-articular glucocorticoid for hip OA (facts §1.5, §6).</summary>
    public static readonly Evidence OsteoarthritisInjection = new(
        "Kolasinski SL et al. 2019 ACR/Arthritis Foundation OA guideline. Arthritis Care Res 2020;72:149 (intra-articular glucocorticoid for the hip, ultrasound-guided); NICE NG226 (may be considered)",
        EvidenceLevel.Guideline,
        VerificationStatus.VerifiedSecondary);

    /// <summary>Steroid or botulinum injection for deep gluteal syndrome: low-quality summaries only (facts §1.12).</summary>
    public static readonly Evidence DeepGlutealInjection = new(
        "Deep gluteal syndrome treatment summaries (facts §1.12, rated V-sec low quality); Hopayian K et al. Eur Spine J 2010;19:2095",
        EvidenceLevel.ExpertOpinion,
        VerificationStatus.VerifiedSecondary,
        "No trial located; injections when conservative care fails.");

    /// <summary>Hip abductor strengthening in ITBS: a case series (facts §1.8).</summary>
    public static readonly Evidence IliotibialAbductorStrengthening = new(
        "Fredericson M et al. Clin J Sport Med 2000 (case series: 22 of 24 runners pain-free after 6 weeks)",
        EvidenceLevel.CaseSeries,
        VerificationStatus.VerifiedSecondary);

    /// <summary>NSAIDs for sciatica: limited evidence, lowest dose for the shortest time (facts §1.13).</summary>
    public static readonly Evidence SciaticaNsaid = new(
        "NICE NG59 Low back pain and sciatica in over 16s (2016, updated 2020)",
        EvidenceLevel.Guideline,
        VerificationStatus.VerifiedSecondary,
        "Limited evidence for sciatica; lowest dose, shortest time.");

    /// <summary>NSAIDs for sacroiliac joint pain, managed as non-specific low back pain (facts §1.14).</summary>
    public static readonly Evidence LowBackPainNsaid = new(
        "NICE NG59 Low back pain and sciatica in over 16s (2016, updated 2020): oral NSAIDs for low back pain",
        EvidenceLevel.Guideline,
        VerificationStatus.VerifiedSecondary,
        "Sacroiliac joint pain is managed as non-specific low back pain (facts §1.14); no sacroiliac-specific guideline reviewed.");

    /// <summary>NSAIDs for a soft-tissue cause: symptomatic relief named by reviews, no trial in the reference facts.</summary>
    public static readonly Evidence SoftTissueNsaid = new(
        "Reviews and clinic page name NSAIDs for symptomatic relief (facts §1.2, §1.12, §6); no trial in these conditions in the reference facts",
        EvidenceLevel.ExpertOpinion,
        VerificationStatus.VerifiedSecondary,
        "The NICE NG226 grading is for osteoarthritis and does not carry over.");
}
