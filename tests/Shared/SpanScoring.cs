using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.TestKit;

/// <summary>
/// The engine's allocation-free calls in the order a caller makes them (<see cref="TriageEngine.CopyStates"/>,
/// <see cref="TriageEngine.Score"/>, <see cref="TriageEngine.Rank"/>), with new arrays, for the tests that compare
/// them with <see cref="TriageEngine.Triage(PatientCase)"/> or with another engine.
/// </summary>
internal static class SpanScoring
{
    /// <summary>Every cause's log-odds for <paramref name="patientCase"/>, by cause index, and every cause index, most probable first.</summary>
    public static (double[] LogOdds, int[] Ranking) ScoreAndRank(TriageEngine engine, PatientCase patientCase)
    {
        var states = new FindingState[engine.FindingCount];
        engine.CopyStates(patientCase, states);
        var logOdds = new double[engine.CauseCount];
        engine.Score(states, patientCase.Age, patientCase.Sex, logOdds);
        var ranking = new int[engine.CauseCount];
        engine.Rank(logOdds, ranking);
        return (logOdds, ranking);
    }
}
