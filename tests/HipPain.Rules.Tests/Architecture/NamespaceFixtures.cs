// Three namespaces that use each other, for NamespaceDependencyTests: First -> Second by a field type,
// Second -> Third inside a method body only, Third -> First by a typeof in an attribute. Leaf depends on nothing.
#pragma warning disable CA1812, CA1823, CS0169, IDE0051, IDE0052
namespace HipPain.Rules.Tests.Architecture.Fixture.First
{
    internal sealed class UsesSecond
    {
        private readonly Second.UsesThird? next;
    }
}

namespace HipPain.Rules.Tests.Architecture.Fixture.Second
{
    internal sealed class UsesThird
    {
        public static object Make() => new List<object> { new Third.UsesFirst() }.Count;
    }
}

namespace HipPain.Rules.Tests.Architecture.Fixture.Third
{
    [AttributeUsage(AttributeTargets.Class)]
    internal sealed class PointsAtAttribute(Type target) : Attribute
    {
        public Type Target { get; } = target;
    }

    [PointsAt(typeof(First.UsesSecond))]
    internal sealed class UsesFirst;
}

namespace HipPain.Rules.Tests.Architecture.Fixture.Leaf
{
    internal sealed class StandsAlone
    {
        public static int Answer() => 42;
    }
}
#pragma warning restore CA1812, CA1823, CS0169, IDE0051, IDE0052
