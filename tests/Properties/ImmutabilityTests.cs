using System.Reflection;

namespace WorkOS.Functional.Properties;

/// <summary>
/// Validated requests cannot be altered around their validation: no public constructor, no setter or
/// init accessor (so <c>valid with { Email = "" }</c> does not compile), only <c>Create</c>.
/// </summary>
public sealed class ImmutabilityTests
{
    private static readonly Type[] RequestTypes = typeof(CreateUserRequest).Assembly.GetExportedTypes()
        .Where(static t => t.Name.EndsWith("Request", StringComparison.Ordinal) && !t.IsAbstract && !typeof(Error).IsAssignableFrom(t))
        .ToArray();

    [Fact]
    public void There_is_a_request_type_for_every_operation_that_takes_one() =>
        Assert.True(RequestTypes.Length >= 40, $"only {RequestTypes.Length} request types");

    [Fact]
    public void Request_types_have_no_public_constructor() =>
        Assert.Empty(RequestTypes.Where(static t => t.GetConstructors(BindingFlags.Public | BindingFlags.Instance).Length > 0).Select(static t => t.Name));

    [Fact]
    public void Request_properties_have_no_setter_or_init_accessor() =>
        Assert.Empty(RequestTypes.SelectMany(static t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(static p => p.SetMethod is { IsPublic: true })
            .Select(static p => $"{p.DeclaringType!.Name}.{p.Name}"));

    [Fact]
    public void Every_request_type_is_built_by_a_static_Create_returning_Either() =>
        Assert.Empty(RequestTypes.Where(static t => !t.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Any(m => m.Name == "Create" && m.ReturnType == typeof(Either<,>).MakeGenericType(typeof(Error), t)))
            .Select(static t => t.Name));
}
