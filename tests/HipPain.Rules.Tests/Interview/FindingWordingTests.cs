using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Interview;

public sealed class FindingWordingTests
{
    private static readonly FindingKind[] AskedOfPatient =
        [FindingKind.PainLocation, FindingKind.Timing, FindingKind.Symptom, FindingKind.History, FindingKind.RiskFactor];

    [Fact]
    public void BuiltInFindings_Every_HasClinicianQuestion()
    {
        var missing = BuiltInKnowledgeBase.Instance.Findings.Where(f => string.IsNullOrWhiteSpace(f.Question)).Select(f => f.Id);

        Assert.Empty(missing);
    }

    [Fact]
    public void BuiltInFindings_AskedOfPatient_HavePatientQuestion()
    {
        var missing = BuiltInKnowledgeBase.Instance.Findings
            .Where(f => AskedOfPatient.Contains(f.Kind) && string.IsNullOrWhiteSpace(f.PatientQuestion))
            .Select(f => f.Id);

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("hx.recent-sports-injury", "sports injury")]
    [InlineData("sym.swelling", "swelling")]
    [InlineData("sym.fever", "fever")]
    [InlineData("tim.better-with-rest", "rest")]
    [InlineData("tim.better-with-movement", "moving")]
    [InlineData("hx.family-arthritis", "family")]
    public void BuiltInFindings_ClinicPageHistoryQuestions_AreAskable(string findingId, string words)
    {
        Assert.True(BuiltInKnowledgeBase.Instance.TryGetFinding(findingId, out var finding));
        Assert.Contains(words, finding.PatientQuestion, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("?", finding.PatientQuestion, StringComparison.Ordinal);
    }
}
