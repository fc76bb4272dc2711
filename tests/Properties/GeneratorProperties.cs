using System.Reflection;

namespace WorkOS.Functional.Properties;

/// <summary>
/// The WorkOS.Functional.FsCheck package across every request type: each request type has generators, every valid
/// value is one its encoder turns into a request description, and every broken input is refused by <c>Create</c> with
/// an <see cref="InvalidRequest"/> naming exactly its field. Each type runs as its own case, with few tests per case.
/// </summary>
public sealed class GeneratorProperties
{
    private const int ValidTests = 40;
    private const int BrokenTests = 25;
    private static readonly Uri BaseUrl = new("https://api.workos.test");

    /// <summary>Every public type of the domain that is a request: a <c>…Request</c> with a static <c>Create</c> returning itself.</summary>
    private static readonly Type[] RequestTypes = typeof(CreateUserRequest).Assembly.GetExportedTypes()
        .Where(static t => t.Name.EndsWith("Request", StringComparison.Ordinal)
            && t.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(m => m.Name == "Create" && m.ReturnType == typeof(Either<,>).MakeGenericType(typeof(Error), t)))
        .OrderBy(static t => t.Name, StringComparer.Ordinal)
        .ToArray();

    private static IRequestGen For(string operation) => WorkOSGen.All.Single(g => g.Operation == operation);

    public static TheoryData<string> Operations() => [.. WorkOSGen.All.Select(static g => g.Operation)];

    public static TheoryData<string, string> BreakableFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var gen in WorkOSGen.All)
            foreach (var field in gen.Fields) data.Add(gen.Operation, field);
        return data;
    }

    private static void Check<A>(int tests, Gen<A> gen, Func<A, bool> property) =>
        global::FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(tests), Prop.ForAll(gen.ToArbitrary(), property));

    [Fact]
    public void Every_request_type_of_the_domain_has_a_generator_an_arbitrary_and_a_property_of_its_name()
    {
        Assert.True(RequestTypes.Length >= 55, $"found only {RequestTypes.Length} request types: the discovery is broken");
        var generated = WorkOSGen.All.Select(static g => g.RequestType).ToHashSet();
        var missing = RequestTypes.Where(t => !generated.Contains(t)).Select(static t => t.Name).ToList();
        Assert.True(missing.Count == 0, "request types without WorkOS.Functional.FsCheck generators: " + string.Join(", ", missing));
        Assert.Equal(RequestTypes.Length, WorkOSGen.All.Count);

        foreach (var type in RequestTypes)
        {
            var operation = type.Name[..^"Request".Length];
            var property = typeof(WorkOSGen).GetProperty(operation, BindingFlags.Public | BindingFlags.Static);
            Assert.True(property?.PropertyType == typeof(RequestGen<>).MakeGenericType(type), $"WorkOSGen.{operation} is missing or not a RequestGen<{type.Name}>");
            Assert.Equal(operation, For(operation).Operation);
            var arbitrary = typeof(WorkOSArbitraries).GetMethod(operation, BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes);
            Assert.True(arbitrary?.ReturnType == typeof(Arbitrary<>).MakeGenericType(type), $"WorkOSArbitraries.{operation}() is missing or not an Arbitrary<{type.Name}>");
            Assert.NotEmpty(For(operation).Fields);
            Assert.Equal(For(operation).Fields.Count, For(operation).Fields.Distinct().Count());
        }
    }

    /// <summary>
    /// Each field that <c>Create</c> refuses when given nothing (every argument <c>null</c> or default) is one the
    /// generators can break: a required field added to a request later without a breaker fails here.
    /// </summary>
    [Fact]
    public void Every_field_Create_requires_has_a_breaker()
    {
        foreach (var type in RequestTypes)
        {
            var gen = WorkOSGen.All.Single(g => g.RequestType == type);
            var nullability = new NullabilityInfoContext();
            foreach (var create in type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(static m => m.Name == "Create")
                         .Where(m => m.GetParameters().All(p => p.ParameterType.IsValueType || nullability.Create(p).WriteState == NullabilityState.Nullable)))
            {
                var nothing = create.GetParameters().Select(static p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
                var result = (IEither)create.Invoke(null, nothing)!;
                var fields = result.MatchUntyped(Left: static e => ((InvalidRequest)e!).Fields, Right: static _ => Seq<string>());
                var missing = fields.Where(f => !gen.Fields.Contains(f)).ToList();
                Assert.True(missing.Count == 0, $"{type.Name}.Create refuses {string.Join(", ", missing)}, which WorkOSGen.{gen.Operation} never breaks");
            }
        }
    }

    /// <summary>The one encoder of a request type: a public static method of <see cref="Encode"/> or <see cref="AuthenticationUrls"/> taking it.</summary>
    private static Func<object, object> Encoder(Type request)
    {
        var method = typeof(Encode).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Concat(typeof(AuthenticationUrls).GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => (m.ReturnType == typeof(HttpRequestSpec) || m.ReturnType == typeof(Either<Error, Uri>))
                && m.GetParameters().Any(p => p.ParameterType == request))
            .ToList();
        var encoder = Assert.Single(method);
        return r => encoder.Invoke(null, encoder.GetParameters().Select(p =>
            p.ParameterType == request ? r : p.ParameterType == typeof(Secret) ? T.Key : p.ParameterType == typeof(Uri) ? BaseUrl
            : throw new InvalidOperationException($"{encoder.Name} takes a {p.ParameterType.Name}")).ToArray())!;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Every_valid_value_encodes_to_a_request_description_and_neither_prints_its_secrets(string operation)
    {
        var gen = For(operation);
        var encode = Encoder(gen.RequestType);
        Check(ValidTests, gen.Valid, request => !$"{request}".Contains("s3cr3t", StringComparison.Ordinal) && encode(request) switch
        {
            HttpRequestSpec spec =>
                !spec.Path.IsEmpty && spec.Path.ForAll(static s => !string.IsNullOrWhiteSpace(s) && s is not ("." or ".."))
                && spec.RenderPathAndQuery().StartsWith('/')
                && spec == (HttpRequestSpec)encode(request)
                && !spec.ToString().Contains("s3cr3t", StringComparison.Ordinal),
            Either<Error, Uri> url => url.Match(Right: static u => u.IsAbsoluteUri && u.Host == BaseUrl.Host, Left: static _ => false),
            var other => throw new InvalidOperationException($"unexpected encoding {other}"),
        });
    }

    [Theory]
    [MemberData(nameof(BreakableFields))]
    public void Every_broken_input_is_refused_with_an_InvalidRequest_naming_exactly_its_field(string operation, string field)
    {
        var gen = For(operation);
        Check(BrokenTests, gen.BrokenIn(field), broken =>
            broken.Field == field
            && broken.Result.Match(Right: static _ => false, Left: e => e is InvalidRequest ir && ir.Fields.Distinct().SequenceEqual([field]))
            && $"{broken}".Contains(field, StringComparison.Ordinal)
            && !$"{broken}".Contains("s3cr3t", StringComparison.Ordinal));
    }

    [Fact]
    public void BrokenIn_gives_only_that_field_and_refuses_an_unknown_field()
    {
        Check(30, WorkOSGen.CreateUser.BrokenIn("email"), static b => b.Field == "email" && b.RejectsOnlyItsField);
        var ex = Assert.Throws<ArgumentException>(() => WorkOSGen.CreateUser.BrokenIn("first_name"));
        Assert.Contains("email", ex.Message);
    }

    [Fact]
    public void A_broken_secret_prints_as_stars_and_a_broken_plain_field_shows_its_value()
    {
        var password = WorkOSGen.ResetPassword.BrokenIn("new_password").Sample(size: 10, numberOfSamples: 1).Single();
        Assert.Equal("ResetPasswordRequest with new_password blank: ***", password.ToString());
        Check(50, WorkOSGen.CreateUser.BrokenIn("password"), static b => b.ToString().EndsWith(": ***", StringComparison.Ordinal));
        var email = WorkOSGen.CreatePasswordReset.BrokenIn("email").Sample(size: 10, numberOfSamples: 1).Single();
        Assert.Matches("^CreatePasswordResetRequest with email (blank|not an email address): (null|\".*\")$", email.ToString());
    }

    /// <summary>The valid generators reach the edges and both sides of each option, not only the middle.</summary>
    [Fact]
    public void Valid_values_cover_optional_fields_both_ways_and_the_limits_at_their_edges()
    {
        var users = WorkOSGen.ListUsers.Valid.Sample(size: 20, numberOfSamples: 400);
        Assert.Contains(users, static r => r.Limit == Rules.MinLimit);
        Assert.Contains(users, static r => r.Limit == Rules.MaxLimit);
        Assert.Contains(users, static r => r.Limit == Rules.DefaultLimit);
        Assert.Contains(users, static r => r.Email.IsSome);
        Assert.Contains(users, static r => r.Email.IsNone);
        Assert.Contains(users, static r => r.Order == Order.Asc);

        var created = WorkOSGen.CreateUser.Valid.Sample(size: 20, numberOfSamples: 300);
        Assert.Contains(created, static r => r.Password.IsNone);
        Assert.Contains(created, static r => r.Password.Case is PasswordCredential.Plain);
        Assert.Contains(created, static r => r.Password.Case is PasswordCredential.Hashed);
        Assert.Contains(created, static r => !r.Metadata.IsEmpty);

        var invitations = WorkOSGen.SendInvitation.Valid.Sample(size: 20, numberOfSamples: 300);
        Assert.Contains(invitations, static r => r.ExpiresInDays == 0);
        Assert.Contains(invitations, static r => r.ExpiresInDays == Rules.MinExpiresInDays);
        Assert.Contains(invitations, static r => r.ExpiresInDays == Rules.MaxExpiresInDays);

        var urls = WorkOSGen.GetAuthorizationURL.Valid.Sample(size: 20, numberOfSamples: 300);
        Assert.Contains(urls, static r => r.MaxAge == Some(0));
        Assert.Contains(urls, static r => r.ScreenHint.IsSome);
        Assert.Contains(urls, static r => r.Provider.IsNone);

        var paths = WorkOSGen.GetUser.Valid.Sample(size: 20, numberOfSamples: 300);
        Assert.Contains(paths, static r => r.UserId.Contains('/') || r.UserId.Contains('%') || r.UserId.Contains('?'));
    }

    [Property(Arbitrary = new[] { typeof(WorkOSArbitraries) }, MaxTest = 30)]
    public bool Registered_arbitraries_give_valid_requests_and_broken_inputs(CreateUserRequest user, BrokenRequest<ListSessionsRequest> broken) =>
        Rules.IsEmailShaped(user.Email) && broken.RejectsOnlyItsField;

    [Fact]
    public void Arbitraries_merge_into_an_ArbMap_and_refuse_a_type_that_is_no_request()
    {
        var map = ArbMap.Default.Merge<WorkOSArbitraries>();
        Check(20, map.ArbFor<ResetPasswordRequest>().Generator, static r => !r.Token.IsEmpty && !r.NewPassword.IsEmpty);
        Assert.Throws<ArgumentException>(static () => WorkOSArbitraries.Broken<string>());
    }
}
