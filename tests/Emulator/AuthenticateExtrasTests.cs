namespace WorkOS.Functional.Emulator.Tests;

/// <summary>
/// The optional keys of the v6.3 authenticate grants (added after Go v6.3) on the emulator: accepted as strings, a non-string
/// is a 422 like any field, and an <c>invitation_token</c> of a pending invitation to the user's email is accepted
/// by the sign-in.
/// </summary>
public class AuthenticateExtrasTests
{
    private const string P = "/user_management/invitations";

    [Fact]
    public async Task Authenticate_password_with_every_optional_key_signs_in()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("ana@example.com");
        var r = await h.Authenticate(new JsonObject
        {
            ["grant_type"] = "password", ["email"] = "ana@example.com", ["password"] = Harness.Password,
            ["invitation_token"] = "unknown_token", ["device_id"] = "device_42", ["signals_id"] = "signals_7", ["radar_auth_attempt_id"] = "radar_attempt_1",
        });
        Assert.Equal(200, r.Code);
        Assert.Equal("Password", r.S("authentication_method"));
    }

    [Theory]
    [InlineData("invitation_token")]
    [InlineData("device_id")]
    [InlineData("signals_id")]
    [InlineData("radar_auth_attempt_id")]
    public async Task Authenticate_refuses_a_non_string_optional_key_with_a_422(string key)
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("ana@example.com");
        var password = await h.Authenticate(new JsonObject { ["grant_type"] = "password", ["email"] = "ana@example.com", ["password"] = Harness.Password, [key] = 42 });
        var refresh = await h.Authenticate(new JsonObject { ["grant_type"] = "refresh_token", ["refresh_token"] = "rt_any", [key] = new JsonArray() });
        foreach (var r in new[] { password, refresh })
        {
            Assert.Equal(422, r.Code);
            Assert.Contains(r.J["errors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == key && e["code"]!.GetValue<string>() == "invalid_type");
        }
    }

    [Fact]
    public async Task Authenticate_password_with_the_invitation_token_of_a_pending_invitation_to_the_user_accepts_it()
    {
        await using var h = await Harness.StartAsync();
        var ana = await h.CreateUser("ana@example.com");
        var mine = await h.Post(P, new { email = "ana@example.com" });
        var other = await h.Post(P, new { email = "bob@example.com" });
        var r = await h.Authenticate(new JsonObject
        {
            ["grant_type"] = "password", ["email"] = "ana@example.com", ["password"] = Harness.Password, ["invitation_token"] = mine.S("token"),
        });
        Assert.Equal(200, r.Code);
        var accepted = await h.Get($"{P}/{mine.S("id")}");
        Assert.Equal("accepted", accepted.S("state"));
        Assert.Equal(ana["id"]!.GetValue<string>(), accepted.S("accepted_user_id"));

        var foreign = await h.Authenticate(new JsonObject
        {
            ["grant_type"] = "password", ["email"] = "ana@example.com", ["password"] = Harness.Password, ["invitation_token"] = other.S("token"),
        });
        Assert.Equal(200, foreign.Code);
        Assert.Equal("pending", (await h.Get($"{P}/{other.S("id")}")).S("state"));
    }
}
