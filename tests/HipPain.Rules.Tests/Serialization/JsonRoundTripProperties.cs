using FsCheck.Xunit;
using FsCheck;
using HipPain.Rules.Serialization;
using HipPain.Rules.TestKit;
using HipPain.Rules.Tests.Generators;

namespace HipPain.Rules.Tests.Serialization;

public sealed class JsonRoundTripProperties
{
    [Property(Arbitrary = [typeof(RandomWorlds)], MaxTest = 200)]
    public void ReadWrite_AnyKnowledgeBase_SameHashAndScores(GeneratedKnowledgeBase generated)
    {
        var original = generated.KnowledgeBase;

        var copy = KnowledgeBaseJson.Read(KnowledgeBaseJson.Write(original));

        Assert.Equal(original.ContentHash, copy.ContentHash);
        Assert.Equal(FixtureBase.ScoresOf(original, generated.Cases), FixtureBase.ScoresOf(copy, generated.Cases));
    }

    [Property(Arbitrary = [typeof(RandomWorlds)], MaxTest = 100)]
    public void Write_AnyKnowledgeBase_IsStableAcrossARoundTrip(GeneratedKnowledgeBase generated)
    {
        var json = KnowledgeBaseJson.Write(generated.KnowledgeBase);

        Assert.Equal(json, KnowledgeBaseJson.Write(KnowledgeBaseJson.Read(json)));
    }

    [Property(Arbitrary = [typeof(RandomWorlds)], MaxTest = 50)]
    public void Write_AnyKnowledgeBase_ValidatesAgainstTheSchema(GeneratedKnowledgeBase generated)
    {
        Assert.Empty(SchemaChecker.Errors(SchemaChecker.KnowledgeBase, KnowledgeBaseJson.Write(generated.KnowledgeBase)));
    }

    [Property(Arbitrary = [typeof(RandomWorlds)], MaxTest = 100)]
    public void CaseJson_AnyCase_RoundTripsAndValidatesAgainstTheSchema(GeneratedKnowledgeBase generated)
    {
        foreach (var patientCase in generated.Cases)
        {
            var json = CaseJson.Write(patientCase);
            var copy = CaseJson.Read(json);

            Assert.Empty(SchemaChecker.Errors(SchemaChecker.Case, json));
            Assert.Equal(patientCase.Age, copy.Age);
            Assert.Equal(patientCase.Sex, copy.Sex);
            Assert.Equal(patientCase.Observations, copy.Observations);
            Assert.Equal(
                FixtureBase.ScoresOf(generated.KnowledgeBase, [patientCase]),
                FixtureBase.ScoresOf(generated.KnowledgeBase, [copy]));
        }
    }
}
