using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace HipPain.Rules.Tests.Architecture;

/// <summary>
/// The namespace dependencies of a compiled assembly, read from its metadata and IL: an edge A -> B when a type of
/// namespace A (or a type nested in one, such as a lambda's closure) names a type of namespace B in its base type,
/// interfaces, fields, method and property signatures, local variables, custom attributes (including typeof
/// arguments) or method bodies. Only the assembly's own namespaces that start with <c>prefix</c> are kept.
/// XML doc <c>cref</c>s are not compiled and so do not count.
/// </summary>
internal sealed class NamespaceGraph
{
    private static readonly ImmutableDictionary<ushort, OperandType> OperandTypes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToImmutableDictionary(o => unchecked((ushort)o.Value), o => o.OperandType);

    private const string SystemTypeMarker = "<System.Type>";

    private readonly MetadataReader reader;
    private readonly string prefix;
    private readonly Dictionary<string, SortedSet<string>> edges = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), string> examples = [];

    private NamespaceGraph(MetadataReader reader, string prefix)
    {
        this.reader = reader;
        this.prefix = prefix;
    }

    /// <summary>Each namespace and the namespaces it depends on (itself excluded).</summary>
    public IReadOnlyDictionary<string, SortedSet<string>> Edges => edges;

    /// <summary>One member that shows an edge, for messages.</summary>
    public string ExampleOf(string from, string to) => examples.TryGetValue((from, to), out var e) ? e : "?";

    public static NamespaceGraph Read(string assemblyPath, string prefix)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var graph = new NamespaceGraph(pe.GetMetadataReader(), prefix);
        graph.Walk(pe);
        return graph;
    }

    /// <summary>The namespace cycles: each strongly connected set of two or more namespaces, sorted.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = 0;
        var indices = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<IReadOnlyList<string>>();

        void Connect(string v)
        {
            indices[v] = low[v] = index++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in edges.GetValueOrDefault(v) ?? [])
            {
                if (!indices.TryGetValue(w, out var seen))
                {
                    Connect(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], seen);
                }
            }

            if (low[v] == indices[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                if (component.Count > 1)
                {
                    component.Sort(StringComparer.Ordinal);
                    result.Add(component);
                }
            }
        }

        foreach (var v in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!indices.ContainsKey(v))
            {
                Connect(v);
            }
        }

        return result;
    }

    private void Walk(PEReader pe)
    {
        var signatures = new NamespaceProvider(this);
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            var from = NamespaceOf(handle);
            if (from is null)
            {
                continue;
            }

            var typeName = reader.GetString(type.Name);
            AddType(from, type.BaseType, typeName + " base type", signatures);
            foreach (var i in type.GetInterfaceImplementations())
            {
                AddType(from, reader.GetInterfaceImplementation(i).Interface, typeName + " interface", signatures);
            }

            Attributes(from, type.GetCustomAttributes(), typeName, signatures);
            foreach (var f in type.GetFields())
            {
                var field = reader.GetFieldDefinition(f);
                var where = typeName + "." + reader.GetString(field.Name);
                AddAll(from, field.DecodeSignature(signatures, where), where);
                Attributes(from, field.GetCustomAttributes(), where, signatures);
            }

            foreach (var p in type.GetProperties())
            {
                var property = reader.GetPropertyDefinition(p);
                var where = typeName + "." + reader.GetString(property.Name);
                var signature = property.DecodeSignature(signatures, where);
                AddAll(from, signature.ReturnType, where);
                Attributes(from, property.GetCustomAttributes(), where, signatures);
            }

            foreach (var m in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(m);
                var where = typeName + "." + reader.GetString(method.Name);
                var signature = method.DecodeSignature(signatures, where);
                AddAll(from, signature.ReturnType, where);
                foreach (var parameter in signature.ParameterTypes)
                {
                    AddAll(from, parameter, where);
                }

                Attributes(from, method.GetCustomAttributes(), where, signatures);
                foreach (var ph in method.GetParameters())
                {
                    Attributes(from, reader.GetParameter(ph).GetCustomAttributes(), where, signatures);
                }

                if (method.RelativeVirtualAddress != 0)
                {
                    Body(from, pe.GetMethodBody(method.RelativeVirtualAddress), where, signatures);
                }
            }
        }
    }

    private void Body(string from, MethodBodyBlock body, string where, NamespaceProvider signatures)
    {
        if (!body.LocalSignature.IsNil)
        {
            var locals = reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(signatures, where);
            foreach (var local in locals)
            {
                AddAll(from, local, where);
            }
        }

        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            ushort code = il.ReadByte();
            if (code == 0xFE)
            {
                code = (ushort)(0xFE00 | il.ReadByte());
            }

            switch (OperandTypes[code])
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.ReadByte();
                    break;
                case OperandType.InlineVar:
                    il.ReadInt16();
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.ReadInt64();
                    break;
                case OperandType.InlineSwitch:
                    var count = il.ReadInt32();
                    il.Offset += count * 4;
                    break;
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    AddEntity(from, MetadataTokens.EntityHandle(il.ReadInt32()), where, signatures);
                    break;
                default:
                    il.ReadInt32();
                    break;
            }
        }
    }

    private void AddEntity(string from, EntityHandle handle, string where, NamespaceProvider signatures)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification:
                AddType(from, handle, where, signatures);
                break;
            case HandleKind.FieldDefinition:
                AddType(from, reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType(), where, signatures);
                break;
            case HandleKind.MethodDefinition:
                AddType(from, reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType(), where, signatures);
                break;
            case HandleKind.MemberReference:
                var member = reader.GetMemberReference((MemberReferenceHandle)handle);
                AddEntity(from, member.Parent, where, signatures);
                if (member.GetKind() == MemberReferenceKind.Method)
                {
                    var signature = member.DecodeMethodSignature(signatures, where);
                    AddAll(from, signature.ReturnType, where);
                    foreach (var parameter in signature.ParameterTypes)
                    {
                        AddAll(from, parameter, where);
                    }
                }
                else
                {
                    AddAll(from, member.DecodeFieldSignature(signatures, where), where);
                }

                break;
            case HandleKind.MethodSpecification:
                var spec = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                AddEntity(from, spec.Method, where, signatures);
                foreach (var argument in spec.DecodeSignature(signatures, where))
                {
                    AddAll(from, argument, where);
                }

                break;
        }
    }

    private void Attributes(string from, CustomAttributeHandleCollection attributes, string where, NamespaceProvider signatures)
    {
        foreach (var a in attributes)
        {
            var attribute = reader.GetCustomAttribute(a);
            AddEntity(from, attribute.Constructor, where, signatures);
            CustomAttributeValue<ImmutableHashSet<string>> value;
            try
            {
                value = attribute.DecodeValue(signatures);
            }
            catch (BadImageFormatException)
            {
                continue; // an attribute argument of an enum type from another assembly: nothing of ours in it
            }

            foreach (var argument in value.FixedArguments.Concat(value.NamedArguments.Select(n => new CustomAttributeTypedArgument<ImmutableHashSet<string>>(n.Type, n.Value))))
            {
                AddAll(from, argument.Type, where);
                if (argument.Value is ImmutableHashSet<string> typeofArgument)
                {
                    AddAll(from, typeofArgument, where);
                }
            }
        }
    }

    private void AddType(string from, EntityHandle handle, string where, NamespaceProvider signatures)
    {
        if (handle.IsNil)
        {
            return;
        }

        var namespaces = handle.Kind switch
        {
            HandleKind.TypeDefinition => signatures.GetTypeFromDefinition(reader, (TypeDefinitionHandle)handle, 0),
            HandleKind.TypeSpecification => reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(signatures, where),
            _ => [],
        };
        AddAll(from, namespaces, where);
    }

    private void AddAll(string from, ImmutableHashSet<string> namespaces, string where)
    {
        foreach (var to in namespaces)
        {
            if (to != from && to != SystemTypeMarker)
            {
                if (!edges.TryGetValue(from, out var targets))
                {
                    edges[from] = targets = new SortedSet<string>(StringComparer.Ordinal);
                }

                targets.Add(to);
                examples.TryAdd((from, to), where);
            }
        }
    }

    /// <summary>The namespace of a type defined in this assembly (a nested type takes its outermost type's), or null when it is not one of ours.</summary>
    private string? NamespaceOf(TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        while (type.IsNested)
        {
            type = reader.GetTypeDefinition(type.GetDeclaringType());
        }

        var ns = reader.GetString(type.Namespace);
        return ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal) ? ns : null;
    }

    private string? NamespaceOfSerializedName(string name)
    {
        // A typeof argument in an attribute is stored as "Namespace.Type[+Nested][, Assembly]"; only our own count.
        var typeName = name.Split(',')[0].Split('+')[0].Split('[')[0];
        var dot = typeName.LastIndexOf('.');
        if (dot < 0 || name.Contains(',', StringComparison.Ordinal))
        {
            return null;
        }

        var ns = typeName[..dot];
        return ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal) ? ns : null;
    }

    /// <summary>Decodes a signature to the set of our namespaces it names.</summary>
    private sealed class NamespaceProvider(NamespaceGraph graph) :
        ISignatureTypeProvider<ImmutableHashSet<string>, string>,
        ICustomAttributeTypeProvider<ImmutableHashSet<string>>
    {
        private static readonly ImmutableHashSet<string> None = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

        // Marks System.Type, so that the attribute decoder reads a typeof argument as a type name; never an edge.
        private static readonly ImmutableHashSet<string> SystemType = None.Add(SystemTypeMarker);

        public ImmutableHashSet<string> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            graph.NamespaceOf(handle) is { } ns ? None.Add(ns) : None;

        public ImmutableHashSet<string> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var type = reader.GetTypeReference(handle);
            return reader.StringComparer.Equals(type.Namespace, "System") && reader.StringComparer.Equals(type.Name, "Type") ? SystemType : None;
        }

        public ImmutableHashSet<string> GetTypeFromSpecification(MetadataReader reader, string genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public ImmutableHashSet<string> GetArrayType(ImmutableHashSet<string> elementType, ArrayShape shape) => elementType;

        public ImmutableHashSet<string> GetByReferenceType(ImmutableHashSet<string> elementType) => elementType;

        public ImmutableHashSet<string> GetPointerType(ImmutableHashSet<string> elementType) => elementType;

        public ImmutableHashSet<string> GetPinnedType(ImmutableHashSet<string> elementType) => elementType;

        public ImmutableHashSet<string> GetSZArrayType(ImmutableHashSet<string> elementType) => elementType;

        public ImmutableHashSet<string> GetGenericInstantiation(ImmutableHashSet<string> genericType, ImmutableArray<ImmutableHashSet<string>> typeArguments) =>
            typeArguments.Aggregate(genericType, (all, argument) => all.Union(argument));

        public ImmutableHashSet<string> GetFunctionPointerType(MethodSignature<ImmutableHashSet<string>> signature) =>
            signature.ParameterTypes.Aggregate(signature.ReturnType, (all, parameter) => all.Union(parameter));

        public ImmutableHashSet<string> GetGenericMethodParameter(string genericContext, int index) => None;

        public ImmutableHashSet<string> GetGenericTypeParameter(string genericContext, int index) => None;

        public ImmutableHashSet<string> GetModifiedType(ImmutableHashSet<string> modifier, ImmutableHashSet<string> unmodifiedType, bool isRequired) => unmodifiedType;

        public ImmutableHashSet<string> GetPrimitiveType(PrimitiveTypeCode typeCode) => None;

        public ImmutableHashSet<string> GetSystemType() => SystemType;

        public ImmutableHashSet<string> GetTypeFromSerializedName(string name) =>
            graph.NamespaceOfSerializedName(name) is { } ns ? None.Add(ns) : None;

        public PrimitiveTypeCode GetUnderlyingEnumType(ImmutableHashSet<string> type) => PrimitiveTypeCode.Int32;

        public bool IsSystemType(ImmutableHashSet<string> type) => type.Contains(SystemTypeMarker);
    }
}
