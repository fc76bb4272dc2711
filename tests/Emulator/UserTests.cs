namespace WorkOS.Functional.Emulator.Tests;

public class UserTests
{
    private static readonly string[] UserKeys =
        ["object", "id", "email", "first_name", "last_name", "email_verified", "profile_picture_url", "last_sign_in_at", "external_id", "metadata", "created_at", "updated_at"];

    [Fact]
    public async Task Create_user_answers_201_with_exact_keys_and_no_password()
    {
        await using var h = await Harness.StartAsync();
        var r = await h.Post("/user_management/users", new { email = "ana@example.com", password = "S3cure!pass", first_name = "Ana", email_verified = true, external_id = "e1", metadata = new { tier = "gold" } });
        Assert.Equal(201, r.Code);
        var keys = r.J.AsObject().Select(kv => kv.Key).OrderBy(k => k).ToArray();
        Assert.Equal(UserKeys.OrderBy(k => k).ToArray(), keys);
        Assert.Equal("user", r.S("object"));
        Assert.Equal("Ana", r.S("first_name"));
        Assert.True(r.J["email_verified"]!.GetValue<bool>());
        Assert.DoesNotContain("S3cure", r.Raw);
        Assert.DoesNotContain("password", r.Raw);
        var get = await h.Get($"/user_management/users/{r.S("id")}");
        Assert.Equal(200, get.Code);
        Assert.Equal("ana@example.com", get.S("email"));
    }

    [Fact]
    public async Task Duplicate_email_is_409_case_insensitive()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("dup@example.com");
        var r = await h.Post("/user_management/users", new { email = "DUP@example.com" });
        Assert.Equal(409, r.Code);
        Assert.Equal("user_already_exists", r.S("code"));
    }

    [Theory]
    [InlineData("{}", "email", "required")]
    [InlineData("{\"email\":\"not-an-email\"}", "email", "invalid")]
    [InlineData("{\"email\":\"a@b.com\",\"password\":\"Passw0rd!\",\"password_hash\":\"$2b$10$x\",\"password_hash_type\":\"bcrypt\"}", "password", null)]
    [InlineData("{\"email\":\"a@b.com\",\"password_hash\":\"$2b$10$x\"}", "password_hash_type", "required")]
    [InlineData("{\"email\":\"a@b.com\",\"password_hash\":\"x\",\"password_hash_type\":\"md5\"}", "password_hash_type", "invalid")]
    [InlineData("{\"email\":\"a@b.com\",\"password\":\"short\"}", "password", "password_too_short")]
    [InlineData("{\"email\":\"a@b.com\",\"metadata\":{\"n\":1}}", "metadata.n", "invalid_type")]
    public async Task Create_user_validation_is_422_with_field_errors(string body, string field, string? code)
    {
        await using var h = await Harness.StartAsync();
        var r = await h.Post("/user_management/users", body);
        Assert.Equal(422, r.Code);
        Assert.Equal("invalid_request_parameters", r.S("code"));
        var errors = r.J["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["field"]!.GetValue<string>() == field && (code is null || e["code"]!.GetValue<string>() == code));
    }

    [Fact]
    public async Task Bcrypt_hash_is_accepted_but_cannot_sign_in()
    {
        await using var h = await Harness.StartAsync();
        var r = await h.Post("/user_management/users", new { email = "hash@example.com", password_hash = "$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy", password_hash_type = "bcrypt", email_verified = true });
        Assert.Equal(201, r.Code);
        Assert.DoesNotContain("$2b$", r.Raw);
        var login = await h.PasswordLogin("hash@example.com", "anything");
        Assert.Equal(400, login.Code);
        Assert.Equal("invalid_credentials", login.S("code"));
    }

    [Fact]
    public async Task Put_is_partial_and_metadata_merges_with_null_delete()
    {
        await using var h = await Harness.StartAsync();
        var created = await h.Post("/user_management/users", new { email = "p@example.com", first_name = "Ana", last_name = "Lee", metadata = new { legacy_code = "x", keep = "k" } });
        var id = created.S("id");
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        var r = await h.Put($"/user_management/users/{id}", "{\"User\":\"ignored\",\"first_name\":\"Anna\",\"metadata\":{\"legacy_code\":null,\"tier\":\"gold\"}}");
        Assert.Equal(200, r.Code);
        Assert.Equal("Anna", r.S("first_name"));
        Assert.Equal("Lee", r.S("last_name"));
        Assert.Equal("p@example.com", r.S("email"));
        var md = r.J["metadata"]!.AsObject();
        Assert.False(md.ContainsKey("legacy_code"));
        Assert.Equal("k", md["keep"]!.GetValue<string>());
        Assert.Equal("gold", md["tier"]!.GetValue<string>());
        Assert.Equal("2030-01-01T00:00:05.000Z", r.S("updated_at"));
        Assert.Equal("2030-01-01T00:00:00.000Z", r.S("created_at"));
    }

    [Fact]
    public async Task Put_password_changes_login_and_email_verified_can_be_set()
    {
        await using var h = await Harness.StartAsync();
        var u = await h.CreateUser("pw@example.com", verified: false);
        var r = await h.Put($"/user_management/users/{u["id"]}", new { password = "NewPassw0rd", email_verified = true });
        Assert.Equal(200, r.Code);
        Assert.True(r.J["email_verified"]!.GetValue<bool>());
        Assert.Equal(400, (await h.PasswordLogin("pw@example.com")).Code);
        Assert.Equal(200, (await h.PasswordLogin("pw@example.com", "NewPassw0rd")).Code);
    }

    [Fact]
    public async Task Put_to_taken_email_is_409_and_unknown_user_404()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("a@example.com");
        var b = await h.CreateUser("b@example.com");
        Assert.Equal(409, (await h.Put($"/user_management/users/{b["id"]}", new { email = "a@example.com" })).Code);
        Assert.Equal(404, (await h.Put("/user_management/users/user_nope", new { first_name = "x" })).Code);
        Assert.Equal(422, (await h.Put($"/user_management/users/{b["id"]}", new { password = "Passw0rd!", password_hash = "h", password_hash_type = "bcrypt" })).Code);
    }

    [Fact]
    public async Task Get_by_external_id_and_404()
    {
        await using var h = await Harness.StartAsync();
        var r = await h.Post("/user_management/users", new { email = "ext@example.com", external_id = "crm 42/x" });
        Assert.Equal(r.S("id"), (await h.Get("/user_management/users/external_id/" + Uri.EscapeDataString("crm 42/x"))).S("id"));
        Assert.Equal(404, (await h.Get("/user_management/users/external_id/none")).Code);
    }

    [Fact]
    public async Task Delete_is_204_empty_and_cascades()
    {
        await using var h = await Harness.StartAsync();
        var u = await h.CreateUser("del@example.com");
        var id = u["id"]!.GetValue<string>();
        var org = await h.CreateOrg("Org");
        var m = await h.AddMember(id, org);
        var enroll = await h.Post($"/user_management/users/{id}/auth_factors", new { type = "totp" });
        var login = await h.PasswordLogin("del@example.com");
        Assert.Equal(403, login.Code); // mfa challenge now
        var r = await h.Delete($"/user_management/users/{id}");
        Assert.Equal(204, r.Code);
        Assert.Equal("", r.Raw);
        Assert.Equal(404, (await h.Get($"/user_management/users/{id}")).Code);
        Assert.Equal(404, (await h.Get($"/user_management/organization_memberships/{m["id"]}")).Code);
        Assert.Equal(404, (await h.Post($"/auth/factors/{enroll.J["authentication_factor"]!["id"]}/challenge", new { })).Code);
        Assert.Equal(404, (await h.Delete($"/user_management/users/{id}")).Code);
    }

    [Fact]
    public async Task Identities_default_to_empty_bare_array()
    {
        await using var h = await Harness.StartAsync();
        var u = await h.CreateUser("id@example.com");
        var r = await h.Get($"/user_management/users/{u["id"]}/identities");
        Assert.Equal(200, r.Code);
        Assert.Equal("[]", r.Raw);
        Assert.Equal(404, (await h.Get("/user_management/users/user_x/identities")).Code);
    }

    [Fact]
    public async Task List_users_filters_by_email_and_organization()
    {
        await using var h = await Harness.StartAsync();
        var a = await h.CreateUser("a@example.com");
        await h.CreateUser("b@example.com");
        var org = await h.CreateOrg("Org");
        await h.AddMember(a["id"]!.GetValue<string>(), org);
        var byEmail = await h.Get("/user_management/users?email=B%40example.com");
        Assert.Equal("b@example.com", Assert.Single(byEmail.J["data"]!.AsArray())!["email"]!.GetValue<string>());
        var byOrg = await h.Get($"/user_management/users?organization_id={org}&unknown_key=1");
        Assert.Equal("a@example.com", Assert.Single(byOrg.J["data"]!.AsArray())!["email"]!.GetValue<string>());
        Assert.Equal("list", byOrg.S("object"));
    }
}
