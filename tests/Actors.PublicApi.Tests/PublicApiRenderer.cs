using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Actors.PublicApi.Tests;

/// <summary>
/// Renders the public surface of an assembly as sorted, deterministic text: every exported type with its kind,
/// base type and interfaces, and every public or protected member it declares, with nullability annotations.
/// </summary>
internal static class PublicApiRenderer
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Render(Assembly assembly)
    {
        var sb = new StringBuilder();
        sb.Append("// Public API of ").Append(assembly.GetName().Name).Append('\n');
        foreach (Type type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            sb.Append('\n').Append(TypeHeader(type)).Append('\n');
            foreach (string member in Members(type).Order(StringComparer.Ordinal))
            {
                sb.Append("    ").Append(member).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static string TypeHeader(Type type)
    {
        string kind;
        string modifiers = string.Empty;
        if (type.IsEnum)
        {
            kind = "enum";
        }
        else if (type.IsInterface)
        {
            kind = "interface";
        }
        else if (typeof(Delegate).IsAssignableFrom(type))
        {
            kind = "delegate";
        }
        else if (type.IsValueType)
        {
            kind = IsRecord(type) ? "record struct" : "struct";
            modifiers = type.GetCustomAttributes().Any(a => a.GetType().Name == "IsReadOnlyAttribute") ? "readonly " : string.Empty;
        }
        else
        {
            kind = IsRecord(type) ? "record" : "class";
            modifiers = type.IsAbstract && type.IsSealed ? "static " : type.IsAbstract ? "abstract " : type.IsSealed ? "sealed " : string.Empty;
        }

        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum)
            && baseType != typeof(MulticastDelegate))
        {
            bases.Add(Name(baseType));
        }

        if (!typeof(Delegate).IsAssignableFrom(type))
        {
            Type[] inherited = type.BaseType?.GetInterfaces() ?? [];
            bases.AddRange(type.GetInterfaces().Where(i => (i.IsPublic || i.IsNestedPublic) && !inherited.Contains(i)).Select(Name).Order(StringComparer.Ordinal));
        }

        string header = $"public {modifiers}{kind} {Name(type, qualified: true)}";
        return bases.Count == 0 ? header : $"{header} : {string.Join(", ", bases)}";
    }

    private static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null
        || (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);

    private static IEnumerable<string> Members(Type type)
    {
        if (type.IsEnum)
        {
            foreach (FieldInfo f in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                yield return $"{f.Name} = {Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}";
            }

            yield break;
        }

        if (typeof(Delegate).IsAssignableFrom(type))
        {
            MethodInfo invoke = type.GetMethod("Invoke")!;
            yield return $"Invoke({Parameters(invoke)}) -> {TypeWithNullability(invoke.ReturnParameter)}";
            yield break;
        }

        var nullability = new NullabilityInfoContext();
        foreach (MemberInfo m in type.GetMembers(Declared).Where(IsVisible))
        {
            switch (m)
            {
                case ConstructorInfo c:
                    yield return $"{Access(c)}{(c.IsStatic ? "static " : string.Empty)}.ctor({Parameters(c)})";
                    break;
                case MethodInfo method when !method.IsSpecialName || method.Name.StartsWith("op_", StringComparison.Ordinal):
                    if (method.Name.Contains('<', StringComparison.Ordinal))
                    {
                        break;
                    }

                    yield return $"{Access(method)}{MethodModifiers(method)}{method.Name}{GenericArguments(method)}({Parameters(method)}) -> {TypeWithNullability(method.ReturnParameter)}";
                    break;
                case PropertyInfo p:
                    MethodInfo accessor = (p.GetMethod is { } g && IsVisible(g) ? g : p.SetMethod)!;
                    string accessors = string.Join(" ", new[]
                    {
                        p.GetMethod is { } get && IsVisible(get) ? Access(get) + "get;" : null,
                        p.SetMethod is { } set && IsVisible(set) ? Access(set) + (IsInit(set) ? "init;" : "set;") : null,
                    }.Where(x => x is not null));
                    string indexer = p.GetIndexParameters().Length > 0 ? $"[{Parameters(p.GetIndexParameters())}]" : string.Empty;
                    yield return $"{MethodModifiers(accessor)}{Nullable(p.PropertyType, nullability.Create(p).ReadState)} {p.Name}{indexer} {{ {accessors} }}";
                    break;
                case FieldInfo f when !f.Name.Contains('<', StringComparison.Ordinal):
                    string constant = f.IsLiteral ? $" = {Literal(f.GetRawConstantValue())}" : string.Empty;
                    string fieldModifiers = f.IsLiteral ? "const " : (f.IsStatic ? "static " : string.Empty) + (f.IsInitOnly ? "readonly " : string.Empty);
                    yield return $"{AccessOf(f.IsPublic, f.IsFamily, f.IsFamilyOrAssembly)}{fieldModifiers}{Nullable(f.FieldType, nullability.Create(f).ReadState)} {f.Name}{constant}";
                    break;
                case EventInfo e:
                    yield return $"{Access(e.AddMethod!)}event {Name(e.EventHandlerType!)} {e.Name}";
                    break;
            }
        }
    }

    private static bool IsVisible(MemberInfo m) => m switch
    {
        MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
        FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
        PropertyInfo p => (p.GetMethod is { } g && IsVisible(g)) || (p.SetMethod is { } s && IsVisible(s)),
        EventInfo e => e.AddMethod is { } add && IsVisible(add),
        _ => false,
    };

    private static bool IsInit(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static string Access(MethodBase m) => AccessOf(m.IsPublic, m.IsFamily, m.IsFamilyOrAssembly);

    private static string AccessOf(bool isPublic, bool isFamily, bool isFamilyOrAssembly) =>
        isPublic ? "public " : isFamily ? "protected " : isFamilyOrAssembly ? "protected internal " : string.Empty;

    private static string MethodModifiers(MethodInfo m)
    {
        if (m.IsStatic)
        {
            return "static ";
        }

        if (m.IsAbstract && !m.DeclaringType!.IsInterface)
        {
            return "abstract ";
        }

        if (m.IsVirtual && !m.IsFinal && !m.DeclaringType!.IsInterface)
        {
            return m.GetBaseDefinition().DeclaringType == m.DeclaringType ? "virtual " : "override ";
        }

        if (m.IsVirtual && m.IsFinal && m.GetBaseDefinition().DeclaringType != m.DeclaringType)
        {
            return "sealed override ";
        }

        return string.Empty;
    }

    private static string GenericArguments(MethodInfo m)
    {
        if (!m.IsGenericMethodDefinition)
        {
            return string.Empty;
        }

        var parts = m.GetGenericArguments().Select(a =>
        {
            var constraints = new List<string>();
            GenericParameterAttributes attrs = a.GenericParameterAttributes;
            if ((attrs & GenericParameterAttributes.ReferenceTypeConstraint) != 0)
            {
                constraints.Add("class");
            }

            if ((attrs & GenericParameterAttributes.NotNullableValueTypeConstraint) != 0)
            {
                constraints.Add("struct");
            }

            constraints.AddRange(a.GetGenericParameterConstraints().Where(c => c != typeof(ValueType)).Select(c => Name(c)));
            if ((attrs & GenericParameterAttributes.DefaultConstructorConstraint) != 0 && (attrs & GenericParameterAttributes.NotNullableValueTypeConstraint) == 0)
            {
                constraints.Add("new()");
            }

            return constraints.Count == 0 ? a.Name : $"{a.Name} : {string.Join(", ", constraints)}";
        });
        return $"<{string.Join("; ", parts)}>";
    }

    private static string Parameters(MethodBase m) => Parameters(m.GetParameters());

    private static string Parameters(ParameterInfo[] parameters) => string.Join(", ", parameters.Select(p =>
    {
        string prefix = p.IsOut ? "out " : p.ParameterType.IsByRef ? (p.IsIn ? "in " : "ref ") : string.Empty;
        if (p.GetCustomAttribute<ParamArrayAttribute>() is not null)
        {
            prefix = "params ";
        }

        string text = $"{prefix}{TypeWithNullability(p)} {p.Name}";
        if (!p.HasDefaultValue)
        {
            return text;
        }

        // A struct parameter's "= default" is stored as a null constant; print it as written.
        bool isDefaultStruct = p.DefaultValue is null && p.ParameterType.IsValueType && System.Nullable.GetUnderlyingType(p.ParameterType) is null;
        return $"{text} = {(isDefaultStruct ? "default" : Literal(p.DefaultValue))}";
    }));

    private static string TypeWithNullability(ParameterInfo p)
    {
        NullabilityInfo info;
        try
        {
            info = new NullabilityInfoContext().Create(p);
        }
        catch (InvalidOperationException)
        {
            return Name(p.ParameterType);
        }

        return Nullable(p.ParameterType, p.Position < 0 ? info.ReadState : info.WriteState == NullabilityState.Unknown ? info.ReadState : info.WriteState);
    }

    private static string Nullable(Type type, NullabilityState state)
    {
        Type t = type.IsByRef ? type.GetElementType()! : type;
        string name = Name(t);
        return state == NullabilityState.Nullable && !t.IsValueType && !name.EndsWith('?') ? name + "?" : name;
    }

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    private static string Name(Type type) => Name(type, qualified: false);

    private static string Name(Type type, bool qualified)
    {
        if (type.IsByRef)
        {
            return Name(type.GetElementType()!, qualified);
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!, qualified) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (System.Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying, qualified) + "?";
        }

        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick];
        }

        if (type.IsNested)
        {
            name = Name(type.DeclaringType!, qualified) + "." + name;
        }
        else if (qualified && type.Namespace is { } ns)
        {
            name = ns + "." + name;
        }

        Type[] args = type.GetGenericArguments();
        if (type.IsNested)
        {
            args = args.Skip(type.DeclaringType!.GetGenericArguments().Length).ToArray();
        }

        return args.Length == 0 ? name : $"{name}<{string.Join(", ", args.Select(a => Name(a)))}>";
    }
}
