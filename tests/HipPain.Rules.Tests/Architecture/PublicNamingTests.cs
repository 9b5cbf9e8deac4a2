using System.Reflection;
using System.Text.RegularExpressions;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Architecture;

/// <summary>
/// The naming rules of docs/api-naming.md that a machine can check, on the core library's public surface read by
/// reflection: a limit is spelled Maximum, never Max; "red flag" is the public term, never "gate"; a builder's
/// mutators are Add… or Set…, not With… (which names a changed copy).
/// </summary>
public sealed partial class PublicNamingTests
{
    private static readonly Lazy<IReadOnlyList<(Type Type, string Name)>> Names = new(() =>
    {
        var types = typeof(KnowledgeBase).Assembly.GetExportedTypes();
        var names = new List<(Type, string)>();
        foreach (var type in types)
        {
            names.Add((type, type.Name));
            names.AddRange(type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true })
                .Select(m => (type, m.Name)));
        }

        return names;
    });

    [Fact]
    public void PublicNames_SpellLimitsMaximumNotMax()
    {
        var offending = Names.Value.Where(n => MaxWord().IsMatch(n.Name)).Select(Describe).ToList();

        Assert.True(offending.Count == 0, "Spell it Maximum (docs/api-naming.md): " + string.Join(", ", offending));
    }

    [Fact]
    public void PublicNames_SayRedFlagNotGate()
    {
        var offending = Names.Value.Where(n => n.Name.Contains("Gate", StringComparison.Ordinal)).Select(Describe).ToList();

        Assert.True(offending.Count == 0, "The public term is red flag (docs/api-naming.md): " + string.Join(", ", offending));
    }

    [Fact]
    public void Builders_HaveNoWithMethods()
    {
        var offending = Names.Value
            .Where(n => n.Type.Name.EndsWith("Builder", StringComparison.Ordinal) && n.Name.StartsWith("With", StringComparison.Ordinal))
            .Select(Describe)
            .ToList();

        Assert.True(offending.Count == 0, "A builder's mutators are Add… or Set… (docs/api-naming.md): " + string.Join(", ", offending));
    }

    [Fact]
    public void Checks_SeeTheWholeSurface()
    {
        // Guards the three tests above against reading nothing: the surface they read includes names they accept.
        Assert.Contains(Names.Value, n => n.Name == "MaximumBytes");
        Assert.Contains(Names.Value, n => n.Name == "SetIdentity");
        Assert.Contains(Names.Value, n => n.Name == "SuspectedByRedFlagIds");
    }

    private static string Describe((Type Type, string Name) name) =>
        name.Type.Name == name.Name ? name.Type.FullName! : $"{name.Type.Name}.{name.Name}";

    [GeneratedRegex("Max(?!imum)(?=[A-Z]|$)")]
    private static partial Regex MaxWord();
}
