using System.Text;

namespace WorkOS.Functional.Emulator.Tests;

/// <summary>Issue item 6: hostile input answers 4xx with a JSON body, never a 500; fields are bounded; reset frees the data.</summary>
public class RobustnessTests
{
    [Theory]
    [InlineData("/user_management/users", """{"email":"a@example.com","email":"b@example.com"}""", "invalid_json")]
    [InlineData("/user_management/users", """{"email":"a@example.com","metadata":{"k":"1","k":"2"}}""", "invalid_json")]
    [InlineData("/_emulate/hooks", """{"path":"*","status":500,"status":200}""", "invalid_json")]
    [InlineData("/organizations", """{"name":"A","name":"B"}""", "invalid_json")]
    public async Task Duplicate_json_keys_are_400(string path, string body, string code)
    {
        await using var h = await Harness.StartAsync();
        var r = await h.Post(path, body, auth: !path.StartsWith("/_emulate"));
        Assert.Equal(400, r.Code);
        Assert.Equal(code, r.S("code"));
        Assert.Empty((await h.Get("/_emulate/hooks", auth: false)).J["data"]!.AsArray());
    }

    [Fact]
    public async Task Duplicate_keys_on_authenticate_are_an_oauth_400()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("d@example.com");
        var body = $$"""{"client_id":"{{h.Emu.ClientId}}","client_secret":"{{h.Emu.ApiKey}}","grant_type":"password","email":"d@example.com","password":"x","password":"{{Harness.Password}}"}""";
        var r = await h.Post("/user_management/authenticate", body, auth: false);
        Assert.Equal(400, r.Code);
        Assert.Equal("invalid_request", r.S("error"));
        var form = new HttpRequestMessage(HttpMethod.Post, "/user_management/authenticate")
        {
            Content = new StringContent($"client_id={h.Emu.ClientId}&grant_type=password&grant_type=refresh_token", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        Assert.Equal(400, (await h.Raw(form)).Code);
    }

    private static readonly string[] Bodies =
        {
            "[]", "\"text\"", "123", "null", "true", "{", "{}}", "{\"a\":", new string('[', 200) + new string(']', 200),
            """{"email":123,"password":[],"metadata":"x","first_name":{},"email_verified":"maybe"}""",
            """{"email":"a@b.co","metadata":{"k":{"nested":1}},"role_slugs":[1,2]}""",
            """{"path":"/x","status":1.5}""", """{"path":"/x","status":99999999999}""", """{"path":"/x","status":101}""",
            """{"path":"/x","status":204,"body":{"a":1}}""", """{"path":"/x","status":200,"headers":{"bad header":"v"}}""",
            """{"path":"/x","status":200,"headers":{"X-Ok":"line\nbreak"}}""", """{"path":"/x","status":200,"content_type":"not a type\r\n"}""",
            """{"path":"/x","status":200,"retry_after":"1\r\nSet-Cookie: a=b"}""", """{"path":"/x","status":200,"method":"GE T"}""",
            """{"path":"/x","count":1e30,"status":200}""", """{"path":["*"],"status":200}""", """{"path":"/x","delay_ms":-1}""",
            """{"user_id":"nope","access_token_expires_in":1e100}""", """{"advance_seconds":"soon"}""", """{"advance_seconds":1e300}""",
            """{"expires_in_days":1e20,"email":"a@b.co"}""", """{"limit":"x","domains":[{"domain":3}],"name":"n"}""",
            """{"grant_type":"password","client_id":"client_emulator","client_secret":"sk_test_default","email":{},"password":1}""",
            """{"email":"\u0000@\u0000.co","first_name":"\uD800"}""",
        };

    public static TheoryData<string> Routes() => new()
    {
            "/user_management/users", "/user_management/users/user_x", "/user_management/authenticate", "/_emulate/hooks",
            "/_emulate/clock", "/_emulate/sessions", "/organizations", "/user_management/invitations",
        "/user_management/organization_memberships", "/user_management/magic_auth", "/user_management/password_reset/confirm",
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Hostile_bodies_never_answer_5xx(string route)
    {
        await using var h = await Harness.StartAsync();
        var method = route == "/user_management/users/user_x" ? HttpMethod.Put : HttpMethod.Post;
        var bad = new List<string>();
        foreach (var body in Bodies)
        {
            var r = await h.Send(method, route, body);
            if (r.Code >= 500 || r.Json is null) bad.Add($"{body} → {r.Code} {r.Raw}");
        }
        Assert.Empty(bad);
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_413()
    {
        await using var h = await Harness.StartAsync();
        var r = await h.Post("/user_management/users", $$"""{"email":"big@example.com","first_name":"{{new string('a', 1 << 20)}}"}""");
        Assert.Equal(413, r.Code);
        Assert.Equal("payload_too_large", r.S("code"));
    }

    private static async Task AssertFieldError(Resp r, string field, string code)
    {
        Assert.Equal(422, r.Code);
        Assert.Contains(r.J["errors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == field && e["code"]!.GetValue<string>() == code);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task User_fields_are_bounded_with_422_field_errors()
    {
        await using var h = await Harness.StartAsync();
        var name1024 = new string('é', 512); // 1024 UTF-8 bytes
        Assert.Equal(201, (await h.Post("/user_management/users", new { email = "ok@example.com", first_name = name1024, external_id = new string('x', 64) })).Code);
        await AssertFieldError(await h.Post("/user_management/users", new { email = "n@example.com", first_name = name1024 + "a" }), "first_name", "too_long");
        await AssertFieldError(await h.Post("/user_management/users", new { email = "n@example.com", last_name = new string('a', 1025) }), "last_name", "too_long");
        await AssertFieldError(await h.Post("/user_management/users", new { email = "n@example.com", external_id = new string('x', 65) }), "external_id", "too_long");
        await AssertFieldError(await h.Post("/user_management/users", new { email = new string('a', 310) + "@example.com" }), "email", "too_long");
        await AssertFieldError(await h.Post("/user_management/users", new { email = "n@example.com", password = new string('p', 1025) }), "password", "too_long");
        await AssertFieldError(await h.Post("/organizations", new { name = new string('o', 1025) }), "name", "too_long");
        Assert.Empty((await h.Get("/user_management/users?email=n%40example.com")).J["data"]!.AsArray());
    }

    [Fact]
    public async Task Metadata_follows_workos_limits()
    {
        await using var h = await Harness.StartAsync();
        var ten = Enumerable.Range(0, 10).ToDictionary(i => $"k{i}", _ => new string('v', 600));
        var u = await h.Post("/user_management/users", new { email = "md@example.com", metadata = ten });
        Assert.Equal(201, u.Code);
        var eleven = new Dictionary<string, string>(ten) { ["k10"] = "v" };
        await AssertFieldError(await h.Post("/user_management/users", new { email = "m2@example.com", metadata = eleven }), "metadata", "too_many_keys");
        await AssertFieldError(await h.Post("/user_management/users", new { email = "m2@example.com", metadata = new Dictionary<string, string> { [new string('k', 41)] = "v" } }), "metadata", "invalid_key");
        await AssertFieldError(await h.Post("/user_management/users", new { email = "m2@example.com", metadata = new { k = new string('v', 601) } }), "metadata.k", "invalid_value");
        await AssertFieldError(await h.Post("/user_management/users", new { email = "m2@example.com", metadata = new { k = "Zoë" } }), "metadata.k", "invalid_value");
        var id = u.S("id");
        await AssertFieldError(await h.Put($"/user_management/users/{id}", new { metadata = new { extra = "v" } }), "metadata", "too_many_keys");
        var swap = new JsonObject { ["metadata"] = new JsonObject { ["k0"] = null, ["extra"] = "v" } };
        Assert.Equal(200, (await h.Put($"/user_management/users/{id}", swap)).Code);
    }

    [Fact]
    public async Task Reset_drops_the_whole_old_state()
    {
        await using var h = await Harness.StartAsync(new EmulatorOptions { SeedJson = """{"users":[{"id":"user_keep","email":"keep@x.test"}]}""" });
        for (var i = 0; i < 50; i++) await h.CreateUser($"extra{i}@x.test", password: null);
        var old = WeakState(h);
        Assert.Equal(200, (await h.Post("/_emulate/reset", new { }, auth: false)).Code);
        for (var i = 0; i < 5 && old.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(old.IsAlive, "the state before the reset is still reachable");
        Assert.Single(h.Emu.Runtime.State.Users);
        Assert.Equal("user_keep", Assert.Single((await h.Get("/user_management/users")).J["data"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference WeakState(Harness h) => new(h.Emu.Runtime.State);
}
