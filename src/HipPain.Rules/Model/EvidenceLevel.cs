namespace HipPain.Rules.Model;

/// <summary>The design of the evidence behind a weight or a treatment, strongest first.</summary>
public enum EvidenceLevel
{
    /// <summary>A systematic review or meta-analysis.</summary>
    SystematicReview = 0,

    /// <summary>A clinical guideline or formal consensus statement (NICE, ACR, Zurich, Warwick, Doha).</summary>
    Guideline = 1,

    /// <summary>A randomised controlled trial.</summary>
    RandomisedTrial = 2,

    /// <summary>A cohort (consecutive-patient) study.</summary>
    CohortStudy = 3,

    /// <summary>A case-control study; prone to spectrum bias, so its likelihood ratios are optimistic.</summary>
    CaseControlStudy = 4,

    /// <summary>A case series or case report.</summary>
    CaseSeries = 5,

    /// <summary>Expert opinion or standard clinical teaching without accuracy data.</summary>
    ExpertOpinion = 6,

    /// <summary>No supporting evidence was found; the item is kept only to answer what patients ask about.</summary>
    Insufficient = 7,
}
