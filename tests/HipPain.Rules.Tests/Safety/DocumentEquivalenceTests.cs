using HipPain.Rules.Tests.Safety.Fuzzing;

namespace HipPain.Rules.Tests.Safety;

/// <summary>The fuzzers' "nothing silently dropped" oracle finds a drop, and does not call the writer's defaults one.</summary>
public sealed class DocumentEquivalenceTests
{
    [Fact]
    public void Difference_PropertyNotWrittenBack_IsNamedWithItsPath()
    {
        const string read = """{"formatVersion":1,"id":"x","causes":[{"id":"c","rules":[{"id":"r","cause":"elsewhere"}]}]}""";
        const string written = """{"formatVersion":1,"id":"x","causes":[{"id":"c","rules":[{"id":"r"}]}]}""";

        Assert.Equal("$.causes[0].rules[0].cause: read but not written back", DocumentEquivalence.Difference(DocumentEquivalence.Format.KnowledgeBase, read, written));
    }

    [Fact]
    public void Difference_DefaultsAndCriterionFormsTheWriterSpellsOut_AreNone()
    {
        const string read = """{"$schema":"x","formatVersion":1.0,"findings":[{"id":"a","region":"none"}],"causes":[{"id":"c","rules":[{"criterion":{"anyOf":[{"present":"a"}]}}],"recommendations":[]}]}""";
        const string written = """{"formatVersion":1,"findings":[{"id":"a"}],"causes":[{"id":"c","suspectedUrgency":"routine","running":{"restriction":"reduceLoad","text":"Reduce running to a level that does not provoke pain until reviewed."},"rules":[{"criterion":{"allOf":[{"present":"a"}]}}]}]}""";

        Assert.Null(DocumentEquivalence.Difference(DocumentEquivalence.Format.KnowledgeBase, read, written));
    }
}
