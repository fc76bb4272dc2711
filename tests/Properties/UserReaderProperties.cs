using System.Text;

namespace WorkOS.Functional.Properties;

/// <summary>
/// The hand-written user reader (<c>UserReader</c>, issue 14) against an independent oracle: the reflection DTO path
/// it replaced, kept here only (<see cref="OldUserDto"/>). Over generated user JSON — valid users with optional and
/// unknown members, nulls, "" values, metadata with null and repeated keys, escaped names, members of the wrong type,
/// missing required fields, truncated or trailing-garbage bodies, line breaks anywhere — <see cref="Decode.User"/>,
/// <see cref="Decode.ListUsers"/> and a nested <c>user</c> (<see cref="Decode.UserResponse"/>) answer exactly what the
/// DTO path answered: the same user, or the same <see cref="DecodeError"/> message (missing paths, line, byte, path).
/// </summary>
public sealed class UserReaderProperties
{
    // ---- the oracle: the DTO path as it was before the reader (reflection System.Text.Json + ToDomain) ----

    internal sealed class OldUserDto : IWireObject
    {
        public string? Id { get; set; }
        public string? Email { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public bool? EmailVerified { get; set; }
        public string? ProfilePictureUrl { get; set; }
        public string? LastSignInAt { get; set; }
        public string? ExternalId { get; set; }
        public Dictionary<string, string?>? Metadata { get; set; }
        public string? CreatedAt { get; set; }
        public string? UpdatedAt { get; set; }
        public string? Name { get; set; }
        public string? Locale { get; set; }
        public string? Object { get; set; }

        public Seq<string> Missing(string at) =>
            Wire.Missing(at, ("id", Id), ("email", Email), ("email_verified", EmailVerified), ("created_at", CreatedAt), ("updated_at", UpdatedAt));

        public User ToDomain() => new(
            Id ?? "", Email ?? "", Wire.Opt(FirstName), Wire.Opt(LastName), EmailVerified ?? false, Wire.Opt(ProfilePictureUrl),
            Wire.Opt(LastSignInAt), Wire.Opt(ExternalId), Strings(Metadata), CreatedAt ?? "", UpdatedAt ?? "", Wire.Opt(Name), Wire.Opt(Locale),
            Wire.Opt(Object));

        private static HashMap<string, string> Strings(Dictionary<string, string?>? map) =>
            map is null ? HashMap<string, string>() : toHashMap(map.Where(static kv => kv.Value is not null).Select(static kv => (kv.Key, kv.Value!)));
    }

    internal sealed class OldUserResponseDto : IWireObject
    {
        public OldUserDto? User { get; set; }

        public Seq<string> Missing(string at) => Wire.Missing(at, ("user", User)) + Wire.Nested(at, "user", User);
    }

    private static Either<Error, User> OldUser(HttpResponseSpec r) => Decode.Body<OldUserDto, User>("User", r, static d => d.ToDomain());

    private static Either<Error, ListUsersResponse> OldListUsers(HttpResponseSpec r) =>
        Decode.Body<ListDto<OldUserDto>, ListUsersResponse>("ListUsersResponse", r, static d =>
        {
            var (data, meta) = d.ToDomain(static u => u.ToDomain());
            return new ListUsersResponse(data, meta);
        });

    private static Either<Error, UserResponse> OldUserResponse(HttpResponseSpec r) =>
        Decode.Body<OldUserResponseDto, UserResponse>("UserResponse", r, static d => new UserResponse(d.User!.ToDomain()));

    // ---- generated bodies ----

    /// <summary>Whitespace between tokens, line breaks included, so that lines and bytes in lines are exercised.</summary>
    private static readonly Gen<string> Space = Gen.Frequency((6, Gen.Constant("")), (2, Gen.Constant(" ")), (1, Gen.Constant("\n  ")), (1, Gen.Constant("\r\n\t")));

    /// <summary>A string token: plain, escaped, non-ASCII, or "".</summary>
    private static readonly Gen<string> Text = Gen.Elements(
        "\"\"", "\"Ana\"", "\"user_01HX\"", "\"ana@example.com\"", "\"2024-01-01T00:00:00.000Z\"", "\"a\\\"b\\\\c\"", "\"\\u00e9t\\u00e9\"",
        "\"Łódź 東京\"", "\"line\\nbreak\"", "\"user\"", "\"\\u0075ser\"");

    /// <summary>A value of another JSON type than a string or a boolean.</summary>
    private static readonly Gen<string> Other = Gen.Elements("5", "-1.5e3", "true", "false", "{}", "{\"a\":[1,{\"b\":null}]}", "[]", "[\"x\",2]");

    /// <summary>Any JSON value, for unknown members.</summary>
    private static readonly Gen<string> AnyValue = Gen.OneOf(Text, Other, Gen.Constant("null"));

    private static Gen<string> StringValue(int wrongWeight) =>
        Gen.Frequency((12, Text), (3, Gen.Constant("null")), (wrongWeight, Other));

    private static Gen<string> BoolValue(int wrongWeight) =>
        Gen.Frequency((10, Gen.Elements("true", "false")), (2, Gen.Constant("null")), (wrongWeight, Gen.Elements("\"yes\"", "1", "{}", "[]", "\"true\"")));

    /// <summary>Metadata keys, some needing the bracketed path form, some escaped.</summary>
    private static readonly Gen<string> MetadataKey = Gen.Elements(
        "tier", "region", "a.b", "it's", "a b", "$x", "x[0]", "\\u0074ier", "emoji😀", "back\\\\slash", "", "q\\\"uote", "tab\\t");

    private static Gen<string> Obj(Gen<IList<string>> members) =>
        from ms in members
        from s1 in Space
        from s2 in Space
        select "{" + s1 + string.Join("," + s2, ms) + s1 + "}";

    private static Gen<string> Member(string name, Gen<string> value) =>
        from s in Space
        from v in value
        select $"\"{name}\":{s}{v}";

    private static Gen<string> Metadata(int wrongWeight) => Gen.Frequency(
        (10, Obj(Gen.ListOf(MetadataKey.SelectMany(k => Member(k, Gen.Frequency((10, Text), (3, Gen.Constant("null")), (wrongWeight, Other)))))
            .Select(static l => (IList<string>)l.Take(5).ToList()))),
        (2, Gen.Constant("null")),
        (wrongWeight, Gen.Elements("[]", "\"x\"", "5", "[{\"a\":\"b\"}]")));

    /// <summary>An unknown member (snake_case name, or an escaped one), with any value.</summary>
    private static readonly Gen<string> UnknownMember =
        from name in Gen.Elements("new_server_field", "zz", "roles", "f\\u006f\\u006f", "a.b", "", "it's")
        from value in AnyValue
        select $"\"{name}\":{value}";

    /// <summary>A known member: mostly right, sometimes null or "", and (when not <paramref name="sound"/>) of another type.</summary>
    private static Gen<string> KnownMember(bool sound)
    {
        var wrong = sound ? 0 : 1;
        return Gen.OneOf(
            Member("first_name", StringValue(wrong)), Member("last_name", StringValue(wrong)), Member("profile_picture_url", StringValue(wrong)),
            Member("last_sign_in_at", StringValue(wrong)), Member("external_id", StringValue(wrong)), Member("name", StringValue(wrong)),
            Member("locale", StringValue(wrong)), Member("object", StringValue(wrong)), Member("metadata", Metadata(wrong)),
            Member("id", StringValue(wrong)), Member("email", StringValue(wrong)), Member("email_verified", BoolValue(wrong)),
            Member("created_at", StringValue(wrong)), Member("updated_at", StringValue(wrong)),
            Member("\\u0069d", StringValue(wrong)), Member("e\\u006dail_verified", BoolValue(wrong)));
    }

    private static readonly string[] Required =
        ["\"id\":\"user_1\"", "\"email\":\"ana@example.com\"", "\"email_verified\":true", "\"created_at\":\"t1\"", "\"updated_at\":\"t2\""];

    /// <summary>
    /// A user object: the required fields (all of them when <paramref name="sound"/>, else maybe not), then random known
    /// and unknown members, repeats allowed (a repeated required field may be null or "" last), shuffled.
    /// </summary>
    private static Gen<string> UserJson(bool sound) =>
        from keep in sound ? Gen.Constant(5) : Gen.Choose(0, 5)
        from known in Gen.ListOf(KnownMember(sound)).Select(static l => l.Take(6).ToList())
        from unknown in Gen.ListOf(UnknownMember).Select(static l => l.Take(2).ToList())
        from order in Gen.Shuffle(Required.Take(keep).Concat(known).Concat(unknown).ToArray())
        from body in Obj(Gen.Constant((IList<string>)order.ToList()))
        select body;

    private static readonly Gen<string> AnyUser = Gen.Elements(true, false).SelectMany(UserJson);

    /// <summary>Most bodies whole; some cut short, some with something after the value, some with a stray character.</summary>
    private static Gen<string> Damaged(Gen<string> bodies) =>
        from body in bodies
        from how in Gen.Frequency((12, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)))
        from at in Gen.Choose(0, Math.Max(0, body.Length - 1))
        from tail in Gen.Elements(" x", "\n}", " {}", "  ", ",")
        select how switch
        {
            1 => body[..at],
            2 => body + tail,
            3 => body.Insert(at, "#"),
            _ => body,
        };

    private static readonly Gen<string> Page =
        from sound in Gen.Elements(true, true, false)
        from users in Gen.ListOf(Gen.Frequency((30, UserJson(true)), (sound ? 0 : 6, UserJson(false)), (sound ? 0 : 1, Gen.Constant("null")), (sound ? 0 : 1, Other)))
            .Select(static l => l.Take(6).ToList())
        from s in Space
        from data in Gen.Frequency((12, Gen.Constant("[" + s + string.Join("," + s, users) + "]")), (sound ? 0 : 1, Gen.Elements("null", "{}", "\"x\"")))
        from metadata in Gen.Frequency(
            (10, Obj(Gen.ListOf(Gen.OneOf(Member("before", StringValue(sound ? 0 : 1)), Member("after", StringValue(sound ? 0 : 1)), UnknownMember))
                .Select(static l => (IList<string>)l.Take(4).ToList()))),
            (sound ? 0 : 1, Gen.Elements("null", "[]", "7")))
        from extra in Gen.ListOf(Gen.Frequency(
                (sound ? 0 : 2, Gen.Constant($"\"data\":{data}")), (sound ? 0 : 2, Gen.Constant($"\"list_metadata\":{metadata}")),
                (sound ? 0 : 1, Gen.Constant($"\"d\\u0061ta\":{data}")), (sound ? 0 : 1, Gen.Constant($"\"list_\\u006detadata\":{metadata}")),
                (2, Gen.Constant("\"object\":\"list\"")), (1, UnknownMember)))
            .Select(static l => l.Take(3).ToList())
        from keep in sound ? Gen.Constant(2) : Gen.Choose(0, 2)
        from order in Gen.Shuffle(new[] { $"\"data\":{data}", $"\"list_metadata\":{metadata}" }.Take(keep).Concat(extra).ToArray())
        from body in Obj(Gen.Constant((IList<string>)order.ToList()))
        select body;

    private static readonly Gen<string> Envelope =
        from user in Gen.Frequency((10, AnyUser), (1, Gen.Elements("null", "\"user_1\"", "[]", "5")))
        from extra in Gen.ListOf(UnknownMember).Select(static l => l.Take(2).ToList())
        from order in Gen.Shuffle(extra.Append($"\"user\":{user}").ToArray())
        from body in Obj(Gen.Constant((IList<string>)order.ToList()))
        select body;

    private static string Show<A>(Either<Error, A> e) =>
        e.Match(Right: static a => $"Right {a}", Left: static l => $"Left {l.GetType().Name}: {l.Message}");

    private static string Kind<A>(Either<Error, A> e) => e.Match(Right: static _ => "right", Left: static l => l.Message.Contains("missing") ? "missing" : l.Message.Contains("path $.") ? "json-deep" : "json-root");

    private static Property Same<A>(Either<Error, A> reader, Either<Error, A> oracle, string body) =>
        (reader.Equals(oracle) && Show(reader) == Show(oracle)).Classify(true, Kind(oracle)).Label($"body: {body}\nreader: {Show(reader)}\noracle: {Show(oracle)}");

    [Property(MaxTest = 1000)]
    public Property A_user_decodes_exactly_as_the_dto_path_did() =>
        Prop.ForAll(Damaged(AnyUser).ToArbitrary(), body => Same(Decode.User(T.Json(200, body)), OldUser(T.Json(200, body)), body));

    [Property(MaxTest = 1000)]
    public Property A_users_page_decodes_exactly_as_the_dto_path_did() =>
        Prop.ForAll(Damaged(Page).ToArbitrary(), body => Same(Decode.ListUsers(T.Json(200, body)), OldListUsers(T.Json(200, body)), body));

    [Property(MaxTest = 500)]
    public Property A_nested_user_decodes_exactly_as_the_dto_path_did() =>
        Prop.ForAll(Damaged(Envelope).ToArbitrary(), body => Same(Decode.UserResponse(T.Json(200, body)), OldUserResponse(T.Json(200, body)), body));

    [Property]
    public Property Bodies_that_are_not_JSON_or_not_objects_decode_as_before() =>
        Prop.ForAll(Gen.OneOf(WorkOSValues.AnyText, Gen.Elements("null", "null x", "[]", "\"user\"", "5", "true", "{", "{}", "{\"data\":[]}", "<html>",
                "{\"zz\":" + new string('[', 70) + new string(']', 70) + "}", "{\"data\":[{\"metadata\":{\"k\":" + new string('[', 70) + "}}]}")).ToArbitrary(),
            body => Same(Decode.User(T.Json(200, body)), OldUser(T.Json(200, body)), body)
                .And(Same(Decode.ListUsers(T.Json(200, body)), OldListUsers(T.Json(200, body)), body))
                .And(Same(Decode.UserResponse(T.Json(200, body)), OldUserResponse(T.Json(200, body)), body)));

    [Theory]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'i', (byte)'d', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}' })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'m', (byte)'e', (byte)'t', (byte)'a', (byte)'d', (byte)'a', (byte)'t', (byte)'a', (byte)'"', (byte)':', (byte)'{', (byte)'"', 0xFF, (byte)'"', (byte)':', (byte)'"', (byte)'v', (byte)'"', (byte)'}', (byte)'}' })]
    public void Invalid_utf8_fails_as_before(byte[] body)
    {
        var r = new HttpResponseSpec(200, "", HashMap(("content-type", "application/json")), body);
        Assert.Equal(Show(OldUser(r)), Show(Decode.User(r)));
        Assert.IsType<DecodeError>(WireJson.LeftOf(Decode.User(r)));
    }

    [Fact]
    public void A_page_names_each_missing_field_with_its_item()
    {
        var users = Enumerable.Range(0, 5).Select(i => i == 3 ? """{"id":"user_3","email_verified":true,"created_at":"t","updated_at":""}""" : $$"""{"id":"user_{{i}}","email":"e{{i}}@example.com","email_verified":false,"created_at":"t","updated_at":"t"}""");
        var body = "{\"data\":[" + string.Join(",", users) + """,null],"list_metadata":{"after":"user_4"}}""";
        var error = Assert.IsType<DecodeError>(WireJson.LeftOf(Decode.ListUsers(T.Json(200, body))));
        Assert.Equal("missing required fields data[3].email, data[3].updated_at, data[5]", error.Reason);
    }

    [Fact]
    public void A_metadata_value_that_is_not_a_string_is_placed_by_line_byte_and_path()
    {
        var body = "{\"data\":[\n{\"id\":\"user_1\",\"metadata\":{\"tier\":\"gold\",\"seats\":5}}],\"list_metadata\":{}}";
        var error = Assert.IsType<DecodeError>(WireJson.LeftOf(Decode.ListUsers(T.Json(200, body))));
        Assert.Equal("not the expected JSON (content type application/json; charset=utf-8; at line 1, byte 50, path $.data[0].metadata.seats)", error.Reason);
        var nested = Assert.IsType<DecodeError>(WireJson.LeftOf(Decode.UserResponse(T.Json(200, "{\"user\":{\"metadata\":{\"a.b\":[]}}}"))));
        Assert.Equal("not the expected JSON (content type application/json; charset=utf-8; at line 0, byte 28, path $.user.metadata['a.b'])", nested.Reason);
    }

    [Fact]
    public void Repeated_members_and_metadata_keys_keep_the_last()
    {
        var user = T.Valid(Decode.User(T.Json(200,
            """{"id":"a","id":"user_1","email":"e@example.com","email_verified":false,"email_verified":true,"created_at":"t","updated_at":"t","metadata":{"x":"1"},"metadata":{"k":"1","k":"2","gone":"v","gone":null}}""")));
        Assert.Equal(("user_1", true, HashMap(("k", "2"))), (user.Id, user.EmailVerified, user.Metadata));
    }
}
