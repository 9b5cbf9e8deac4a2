using HipPain.Rules.Accuracy;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Scoring;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.PublishedCases;

/// <summary>
/// Facts addenda 46 and 48: the gates whose findings no mapped case can state (the codes came after the cases were
/// mapped) never head the undecided gates of a scored case, so they cannot change what any case asks first. This is
/// the part of those addenda's "nothing else moves" criterion that a command can check on every build.
/// </summary>
public sealed class UnmappedGateOrderTests
{
    private static readonly string[] GatesNoCaseStates = ["rf.tendon-avulsion", "rf.fall-deformity"];

    private static readonly Lazy<string> Root = new(() => Repository.Root);

    private static readonly TriageEngine Engine = new(BuiltInKnowledgeBase.Instance);

    [Theory]
    [MemberData(nameof(PublishedSetPaths.Scored), MemberType = typeof(PublishedSetPaths))]
    public void ScoredSet_EveryCase_NeitherNewGateIsAskedFirst(string relativePath)
    {
        var cases = PublishedCaseSet.Load(Root.Value, relativePath);

        Assert.NotEmpty(cases);
        Assert.All(cases, c =>
        {
            var result = Engine.Triage(PublishedCaseSet.Prepare(c, BuiltInKnowledgeBase.Instance).Vignette.ToCase());
            var first = result.UndecidedRedFlags.IsEmpty ? null : result.UndecidedRedFlags[0].RedFlag.Id;
            Assert.DoesNotContain(first, GatesNoCaseStates);
        });
    }
}
