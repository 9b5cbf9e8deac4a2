namespace HipPain.Rules.Interview;

/// <summary>Who answers an interview's questions; it decides what is asked and in whose words.</summary>
public enum InterviewAudience
{
    /// <summary>A clinician: every finding, examination and investigations included, in clinician wording.</summary>
    Clinician = 0,

    /// <summary>
    /// The patient: only what a patient can answer (<see cref="Model.Finding.IsAskedOfPatient"/>: locations, timing,
    /// symptoms, history, risk factors, and examination findings with patient wording), in patient wording. Red-flag
    /// gates that need an examination or a test stay undecided and are named in the result's provisional urgency.
    /// </summary>
    Patient = 1,
}
