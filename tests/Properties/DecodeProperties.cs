using System.Text.Json;

namespace WorkOS.Functional.Properties;

/// <summary>Success decoding: lenient like Go, total, and a round-trip of what the server sends.</summary>
public sealed class DecodeProperties
{
    private static Gen<User> Users =>
        from id in WorkOSValues.Id("user_")
        from email in WorkOSValues.Email
        from first in Gen.OneOf(Gen.Constant(Option<string>.None), WorkOSValues.AnyText.Select(static s => Some(s)))
        from verified in Gen.Elements(true, false)
        from external in Gen.OneOf(Gen.Constant(Option<string>.None), WorkOSValues.Token().Select(static s => Some(s)))
        from meta in Gen.ListOf(WorkOSValues.Token(1, 4).Zip(WorkOSValues.AnyText))
        select new User(id, email, first, None, verified, None, None, external,
            toHashMap(meta.GroupBy(static m => m.Item1).Select(static g => (g.Key, g.First().Item2))), "2024-01-01T00:00:00.000Z", "2024-01-02T00:00:00.000Z", None, None, Some("user"));

    private static string Wire(User u) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["object"] = "user", ["id"] = u.Id, ["email"] = u.Email, ["first_name"] = u.FirstName.IfNoneUnsafe((string?)null),
        ["last_name"] = null, ["email_verified"] = u.EmailVerified, ["external_id"] = u.ExternalId.IfNoneUnsafe((string?)null),
        ["metadata"] = u.Metadata.ToDictionary(static kv => kv.Key, static kv => kv.Value), ["created_at"] = u.CreatedAt, ["updated_at"] = u.UpdatedAt,
        ["new_server_field"] = new[] { 1, 2 },
    });

    [Property]
    public Property User_round_trips_through_its_wire_form() =>
        Prop.ForAll(Users.ToArbitrary(), u => Decode.User(T.Json(200, Wire(u))) == Right<Error, User>(u));

    [Property]
    public Property A_list_page_round_trips_and_keeps_order() =>
        Prop.ForAll(Gen.ListOf(Users).ToArbitrary(), users =>
        {
            var body = $"{{\"object\":\"list\",\"data\":[{string.Join(",", users.Select(Wire))}],\"list_metadata\":{{\"before\":null,\"after\":\"x\"}}}}";
            return Decode.ListUsers(T.Json(200, body)).Match(
                Right: page => page.Data.SequenceEqual(users) && page.ListMetadata == new ListMetadata(None, Some("x")),
                Left: static _ => false);
        });

    [Property]
    public Property Decoding_arbitrary_bodies_never_throws() =>
        Prop.ForAll(WorkOSValues.AnyText.ToArbitrary(), body =>
            Decode.User(T.Json(200, body)).IsLeft || Decode.User(T.Json(200, body)).IsRight);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"id\":")]
    [InlineData("<html></html>")]
    [InlineData("{\"id\":42}")]
    public void Bad_user_bodies_are_DecodeErrors(string body) =>
        Assert.IsType<DecodeError>(Decode.User(T.Json(200, body)).Match(Right: static _ => (Error)Error.New("no"), Left: static e => e));

    [Fact]
    public void Null_and_missing_optional_fields_decode_to_None_and_a_missing_email_is_a_DecodeError()
    {
        var user = T.Valid(Decode.User(T.Json(200, WireSamples.User().With("first_name", null).With("metadata", null).Json())));
        Assert.Equal(Option<string>.None, user.FirstName);
        Assert.Equal(Option<string>.None, user.LastName);
        Assert.True(user.Metadata.IsEmpty);
        var error = Assert.IsType<DecodeError>(WireJson.LeftOf(Decode.User(T.Json(200, """{"id":"user_1","first_name":null,"metadata":null}"""))));
        Assert.Equal("missing required fields email, email_verified, created_at, updated_at", error.Reason);
    }

    [Fact]
    public void A_DecodeError_never_quotes_the_body()
    {
        var error = Decode.User(T.Json(200, "{\"access_token\":\"s3cr3tTOKEN\"")).Match(Right: static _ => Error.New("no"), Left: static e => e);
        Assert.DoesNotContain("s3cr3tTOKEN", error.ToString());
        Assert.DoesNotContain("s3cr3tTOKEN", error.Message);
    }

    [Fact]
    public void Identities_decode_from_a_bare_array() =>
        Assert.Equal(Seq1(new Identity("1", "OAuth", "GoogleOAuth")), T.Valid(Decode.Identities(T.Json(200, """[{"idp_id":"1","type":"OAuth","provider":"GoogleOAuth"}]"""))));

    [Property]
    public Property Unknown_enum_values_survive() =>
        Prop.ForAll(WorkOSValues.Token().ToArbitrary(), v => new Order(v).Value == v && new Order(v).ToString() == v && new AuthenticationMethod(v) == new AuthenticationMethod(v));
}
