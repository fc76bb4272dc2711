using System.Text.Json;

namespace WorkOS.Functional.Properties;

/// <summary>Each Users request encodes to the spec's method, path, query and body (spec §2.1).</summary>
public sealed class UsersEncodeProperties
{
    [Property]
    public Property GetUser_is_a_bearer_GET_of_the_escaped_id() =>
        Prop.ForAll(WorkOSValues.PathId.ToArbitrary(), id =>
        {
            var spec = Encode.GetUser(T.Valid(GetUserRequest.Create(id)), T.Key);
            return spec.Method == HttpMethod.Get
                && spec.Path == Seq("user_management", "users", id)
                && spec.RenderPath() == "/user_management/users/" + T.Seg(id)
                && spec.RenderPath().Count(static c => c == '/') == 3
                && spec.Body.IsNone && spec.Query.IsEmpty
                && spec.Auth == new Auth.Bearer(T.Key);
        });

    [Property]
    public Property Id_operations_use_their_paths_and_methods() =>
        Prop.ForAll(WorkOSValues.Id("user_").ToArbitrary(), id =>
            Encode.DeleteUser(T.Valid(DeleteUserRequest.Create(id)), T.Key) is { } del && del.Method == HttpMethod.Delete && del.RenderPath() == $"/user_management/users/{id}" && del.Body.IsNone
            && Encode.ListIdentities(T.Valid(ListIdentitiesRequest.Create(id)), T.Key) is { } li && li.Method == HttpMethod.Get && li.RenderPath() == $"/user_management/users/{id}/identities" && li.Body.IsNone
            && Encode.GetUserByExternalID(T.Valid(GetUserByExternalIDRequest.Create(id)), T.Key).RenderPath() == $"/user_management/users/external_id/{id}");

    [Property]
    public Property ListUsers_query_has_limit_and_order_always_and_filters_only_when_set() =>
        Prop.ForAll(Gen.OneOf(Gen.Constant<string?>(null), WorkOSValues.Email.Select(static e => (string?)e)).ToArbitrary(),
            Gen.OneOf(Gen.Constant<string?>(null), WorkOSValues.Id("org_").Select(static e => (string?)e)).ToArbitrary(),
            WorkOSValues.Within(1, 100).ToArbitrary(),
            (email, org, limit) =>
            {
                var spec = Encode.ListUsers(T.Valid(ListUsersRequest.Create(email: email, organizationId: org, limit: limit)), T.Key);
                var expected = new List<string>();
                if (email is not null) expected.Add($"email={QueryString.Escape(email)}");
                expected.Add($"limit={limit}");
                expected.Add("order=desc");
                if (org is not null) expected.Add($"organization_id={org}");
                return spec.RenderPathAndQuery() == "/user_management/users?" + string.Join("&", expected);
            });

    [Fact]
    public void ListUsers_default_is_exactly_limit_10_order_desc() =>
        Assert.Equal("/user_management/users?limit=10&order=desc", Encode.ListUsers(ListUsersRequest.Default, T.Key).RenderPathAndQuery());

    private static readonly string[] CreateOrder = ["email", "password", "password_hash", "password_hash_type", "first_name", "last_name", "email_verified", "external_id", "metadata"];

    [Property]
    public Property CreateUser_body_keeps_Go_order_omits_empties_and_round_trips_values() =>
        Prop.ForAll((
            from email in WorkOSValues.Email
            from firstName in Gen.OneOf(Gen.Constant<string?>(null), WorkOSValues.Token().Select(static s => (string?)s))
            from verified in Gen.Elements(true, false)
            from metaCount in Gen.Elements(0, 1, 2)
            select (email, firstName, verified, metaCount)).ToArbitrary(),
            input =>
            {
                var (email, firstName, verified, metaCount) = input;
                var metadata = Enumerable.Range(0, metaCount).Select(static i => new KeyValuePair<string, string>($"k{i}", $"v{i}"));
                var spec = Encode.CreateUser(T.Valid(CreateUserRequest.Create(email, password: "pw!", firstName: firstName, emailVerified: verified, metadata: metadata)), T.Key);
                var keys = T.Keys(spec);
                var doc = T.Parse(T.Body(spec));
                var inOrder = keys.SequenceEqual(CreateOrder.Where(k => keys.Contains(k)));
                var present = keys.Contains("email") && keys.Contains("password")
                    && keys.Contains("first_name") == (firstName is not null)
                    && keys.Contains("email_verified") == verified
                    && keys.Contains("metadata") == (metaCount > 0)
                    && !keys.Contains("last_name") && !keys.Contains("password_hash") && !keys.Contains("external_id");
                var values = doc.GetProperty("email").GetString() == email && doc.GetProperty("password").GetString() == "pw!"
                    && (!verified || doc.GetProperty("email_verified").GetBoolean());
                return (spec.Method == HttpMethod.Post && spec.RenderPath() == "/user_management/users" && inOrder && present && values)
                    .Label(T.Body(spec));
            });

    [Fact]
    public void CreateUser_with_a_hash_sends_hash_and_type_not_password()
    {
        var spec = Encode.CreateUser(T.Valid(CreateUserRequest.Create("a@b.co", passwordHash: "$2a$10$x", passwordHashType: PasswordHashType.Bcrypt)), T.Key);
        Assert.Equal("""{"email":"a@b.co","password_hash":"$2a$10$x","password_hash_type":"bcrypt"}""", T.Body(spec));
    }

    [Fact]
    public void CreateUser_spec_example_body() =>
        Assert.Equal("""{"email":"ana@example.com","password":"S3cure!pass","first_name":"Ana","email_verified":true}""",
            T.Body(Encode.CreateUser(T.Valid(CreateUserRequest.Create("ana@example.com", password: "S3cure!pass", firstName: "Ana", emailVerified: true)), T.Key)));

    [Fact]
    public void UpdateUser_spec_example_body_without_the_Go_artefact()
    {
        var spec = Encode.UpdateUser(T.Valid(UpdateUserRequest.Create("user_01HX", firstName: "Ana", metadata: [new("tier", "gold"), new("legacy_code", null)])), T.Key);
        Assert.Equal(HttpMethod.Put, spec.Method);
        Assert.Equal("/user_management/users/user_01HX", spec.RenderPath());
        Assert.Equal("""{"first_name":"Ana","metadata":{"legacy_code":null,"tier":"gold"}}""", T.Body(spec));
    }

    [Fact]
    public void UpdateUser_with_nothing_set_sends_an_empty_object() =>
        Assert.Equal("{}", T.Body(Encode.UpdateUser(T.Valid(UpdateUserRequest.Create("user_1")), T.Key)));

    [Property]
    public Property Encoding_is_pure_equal_requests_give_equal_descriptions() =>
        Prop.ForAll(WorkOSValues.Email.ToArbitrary(), WorkOSValues.Token().ToArbitrary(), (email, name) =>
            Encode.CreateUser(T.Valid(CreateUserRequest.Create(email, firstName: name)), T.Key)
                == Encode.CreateUser(T.Valid(CreateUserRequest.Create(email, firstName: name)), T.Key));

    [Property]
    public Property Rendered_bodies_are_valid_JSON_for_any_text() =>
        Prop.ForAll(WorkOSValues.AnyText.ToArbitrary(), text =>
        {
            var spec = Encode.UpdateUser(T.Valid(UpdateUserRequest.Create("user_1", firstName: text, metadata: [new(text, text)])), T.Key);
            var doc = JsonDocument.Parse(T.Body(spec)).RootElement;
            return doc.GetProperty("first_name").GetString() == text && doc.GetProperty("metadata").GetProperty(text).GetString() == text;
        });
}
