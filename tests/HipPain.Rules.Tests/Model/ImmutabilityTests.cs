using System.Reflection;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.ModelTests;

public sealed class ImmutabilityTests
{
    // Types that are mutable by design: builders (refuse changes after Build) and options (copied by the engine).
    private static readonly string[] MutableByDesign = ["Builder", "Options"];

    [Fact]
    public void PublicTypes_ExceptBuildersAndOptions_HaveNoPublicSetters()
    {
        var offenders = typeof(KnowledgeBase).Assembly.GetExportedTypes()
            .Where(t => !MutableByDesign.Any(suffix => t.Name.EndsWith(suffix, StringComparison.Ordinal)))
            .Where(t => !typeof(Exception).IsAssignableFrom(t))
            .Where(t => !(t.IsValueType && t.GetCustomAttributes().Any(a => a.GetType().Name == "IsReadOnlyAttribute")))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .Where(p => p.SetMethod is { IsPublic: true })
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void PublicClasses_ExceptCriterionAndRuleBasesAndExceptions_AreSealedOrStatic()
    {
        var offenders = typeof(KnowledgeBase).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !(t.IsAbstract && t.IsSealed))
            .Where(t => t != typeof(Criterion) && t != typeof(DiagnosticRule) && !typeof(Exception).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(offenders);
    }
}
