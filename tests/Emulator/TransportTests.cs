using System.Text.RegularExpressions;

namespace WorkOS.Functional.Emulator.Tests;

public class TransportTests
{
    [Fact]
    public async Task Health_needs_no_key()
    {
        await using var h = await Harness.StartAsync();
        var r = await h.Get("/health", auth: false);
        Assert.Equal(200, r.Code);
        Assert.Equal("127.0.0.1", h.Emu.BaseUrl.Host);
        Assert.Equal("sk_test_default", h.Emu.ApiKey);
        Assert.Equal("client_emulator", h.Emu.ClientId);
    }

    [Fact]
    public async Task Missing_key_is_401_unauthorized()
    {
        await using var h = await Harness.StartAsync();
        var r = await h.Get("/user_management/users", auth: false);
        Assert.Equal(401, r.Code);
        Assert.Equal("unauthorized", r.S("code"));
        Assert.False(string.IsNullOrEmpty(r.S("message")));
    }

    [Fact]
    public async Task Wrong_key_is_401()
    {
        await using var h = await Harness.StartAsync();
        var r = await h.Send(HttpMethod.Get, "/user_management/users", null, apiKey: "sk_test_wrong");
        Assert.Equal(401, r.Code);
        Assert.Equal("unauthorized", r.S("code"));
    }

    [Fact]
    public async Task Custom_api_key_is_the_only_one_accepted()
    {
        await using var h = await Harness.StartAsync(new EmulatorOptions { ApiKey = "sk_test_custom" });
        Assert.Equal(200, (await h.Get("/user_management/users")).Code);
        Assert.Equal(401, (await h.Send(HttpMethod.Get, "/user_management/users", null, apiKey: "sk_test_default")).Code);
    }

    [Fact]
    public async Task Every_response_has_unique_request_id_and_json_content_type()
    {
        await using var h = await Harness.StartAsync();
        var a = await h.Get("/user_management/users");
        var b = await h.Get("/user_management/users/nope");
        Assert.NotNull(a.Header("X-Request-ID"));
        Assert.NotEqual(a.Header("X-Request-ID"), b.Header("X-Request-ID"));
        Assert.Equal("application/json; charset=utf-8", a.Message.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Unknown_object_is_404_entity_not_found()
    {
        await using var h = await Harness.StartAsync();
        var r = await h.Get("/user_management/users/user_missing");
        Assert.Equal(404, r.Code);
        Assert.Equal("entity_not_found", r.S("code"));
        Assert.Contains("user_missing", r.S("message"));
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        await using var h = await Harness.StartAsync();
        var r = await h.Post("/user_management/users", "{\"email\": ");
        Assert.Equal(400, r.Code);
        Assert.NotNull(r.S("code"));
        var a = await h.Post("/user_management/authenticate", "not json", auth: false);
        Assert.Equal(400, a.Code);
        Assert.Equal("invalid_request", a.S("error"));
    }

    [Fact]
    public async Task Ids_have_prefix_and_sort_in_creation_order()
    {
        await using var h = await Harness.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add((await h.CreateUser($"u{i}@example.com", password: null))["id"]!.GetValue<string>());
        Assert.All(ids, id => Assert.Matches("^user_[0-9A-Z]{26}$", id));
        Assert.Equal(ids, ids.OrderBy(x => x, StringComparer.Ordinal));
        Assert.Equal(5, ids.Distinct().Count());
    }

    [Fact]
    public async Task Timestamps_are_iso_utc_with_milliseconds()
    {
        await using var h = await Harness.StartAsync();
        var u = await h.CreateUser("ts@example.com");
        Assert.Equal("2030-01-01T00:00:00.000Z", u["created_at"]!.GetValue<string>());
        Assert.Matches(new Regex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"), u["updated_at"]!.GetValue<string>());
    }

    [Fact]
    public async Task Seed_loads_with_verbatim_ids()
    {
        var seed = """
        { "organizations": [{"id": "org_seed", "name": "Seed Corp", "domains": ["seed.test"]}],
          "users": [{"id": "user_seed", "email": "seed@seed.test", "password": "Passw0rd!", "email_verified": true,
                     "first_name": "Sam", "external_id": "ext-1", "metadata": {"tier": "gold"},
                     "identities": [{"idp_id": "g-1", "type": "OAuth", "provider": "GoogleOAuth"}]}],
          "memberships": [{"user": "seed@seed.test", "organization": "Seed Corp", "role_slug": "admin"}],
          "invitations": [{"email": "new@seed.test", "organization": "org_seed"}] }
        """;
        await using var h = await Harness.StartAsync(new EmulatorOptions { SeedJson = seed });
        var u = await h.Get("/user_management/users/user_seed");
        Assert.Equal("Sam", u.S("first_name"));
        Assert.Equal("gold", u.J["metadata"]!["tier"]!.GetValue<string>());
        Assert.Equal("user_seed", (await h.Get("/user_management/users/external_id/ext-1")).S("id"));
        var ids = await h.Get("/user_management/users/user_seed/identities");
        Assert.Equal("GoogleOAuth", ids.J.AsArray()[0]!["provider"]!.GetValue<string>());
        var login = await h.PasswordLogin("seed@seed.test");
        Assert.Equal(200, login.Code);
        Assert.Equal("org_seed", login.S("organization_id"));
        var inv = await h.Get("/user_management/invitations?organization_id=org_seed");
        Assert.Single(inv.J["data"]!.AsArray());
    }

    [Fact]
    public async Task Bad_seed_fails_start()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            WorkOSEmulator.StartAsync(new EmulatorOptions { SeedJson = "{\"memberships\":[{\"user\":\"ghost\",\"organization\":\"x\"}]}" }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => WorkOSEmulator.StartAsync(new EmulatorOptions { SeedJson = "{oops" }));
    }

    [Fact]
    public async Task Reset_restores_the_seed()
    {
        await using var h = await Harness.StartAsync(new EmulatorOptions { SeedJson = """{"users":[{"id":"user_keep","email":"keep@x.test"}]}""" });
        await h.CreateUser("extra@x.test");
        Assert.Equal(2, (await h.Get("/user_management/users")).J["data"]!.AsArray().Count);
        Assert.Equal(200, (await h.Post("/_emulate/reset", new { }, auth: false)).Code);
        var list = (await h.Get("/user_management/users")).J["data"]!.AsArray();
        Assert.Equal("user_keep", Assert.Single(list)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Two_emulators_run_side_by_side_on_different_ports()
    {
        await using var a = await Harness.StartAsync();
        await using var b = await Harness.StartAsync();
        Assert.NotEqual(a.Emu.BaseUrl.Port, b.Emu.BaseUrl.Port);
        await a.CreateUser("only-a@x.test");
        Assert.Empty((await b.Get("/user_management/users")).J["data"]!.AsArray());
    }
}
