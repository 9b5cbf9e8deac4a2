using HipPain.Rules.Authoring;
using HipPain.Rules.Knowledge.Causes;
using HipPain.Rules.Model;

namespace HipPain.Rules.Knowledge;

/// <summary>
/// The knowledge base that ships with the library: causes of hip pain in runners, the findings that weigh
/// them, red-flag gates and plans. Every weight cites its source; estimates say so. See
/// <c>docs/knowledge-base.md</c> for the full listing.
/// </summary>
/// <threadsafety>Thread-safe: the instance is built once, lazily, and is immutable.</threadsafety>
public static class BuiltInKnowledgeBase
{
    /// <summary>The built-in base's id.</summary>
    public const string Id = "hippain.builtin";

    /// <summary>The built-in base's version. It changes whenever any weight, text or plan changes.</summary>
    /// <remarks>
    /// A property, not a constant: the knowledge base is versioned apart from the package, and a caller compiled
    /// against one release must read the version of the base it actually runs with.
    /// </remarks>
    public static string Version => "0.28.0";

    private static readonly Lazy<KnowledgeBase> Lazy = new(() => CreateBuilder().Build(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The built-in knowledge base, built on first use.</summary>
    public static KnowledgeBase Instance => Lazy.Value;

    /// <summary>A new open builder holding the built-in content, to derive a customised base from.</summary>
    /// <returns>An open builder.</returns>
    public static KnowledgeBaseBuilder CreateBuilder()
    {
        var kb = new KnowledgeBaseBuilder(Id, Version, "Hip pain in runners (HipPain.Rules built-in)");
        Findings.Define(kb);
        Treatments.Define(kb);
        GreaterTrochantericPainSyndrome.Define(kb);
        IliopsoasBursitis.Define(kb);
        LabralTear.Define(kb);
        HipOsteoarthritis.Define(kb);
        FemoralNeckStressFracture.Define(kb);
        IliotibialBandSyndrome.Define(kb);
        ProximalHamstringTendinopathy.Define(kb);
        MuscleStrain.Define(kb);
        SepticArthritis.Define(kb);
        SnappingHip.Define(kb);
        FemoroacetabularImpingement.Define(kb);
        PubicRamusStressFracture.Define(kb);
        AdductorRelatedGroinPain.Define(kb);
        DeepGlutealSyndrome.Define(kb);
        LumbarRadicularPain.Define(kb);
        SacroiliacJointPain.Define(kb);
        AvascularNecrosis.Define(kb);
        SeriousPathology.Define(kb);
        RedFlags.Define(kb);
        return kb;
    }
}
