namespace WorkOS.Functional.Emulator.Tests;

public class OrganizationTests
{
    private static async Task<(Harness H, string User, string Org)> Setup()
    {
        var h = await Harness.StartAsync();
        var u = await h.CreateUser("m@example.com");
        return (h, u["id"]!.GetValue<string>(), await h.CreateOrg("Acme"));
    }

    [Fact]
    public async Task Organizations_create_get_and_validate()
    {
        await using var h = await Harness.StartAsync();
        var r = await h.Post("/organizations", new { name = "Acme", domains = new[] { "acme.test" } });
        Assert.Equal(201, r.Code);
        Assert.Equal("organization", r.S("object"));
        Assert.StartsWith("org_", r.S("id"));
        Assert.Equal("Acme", r.S("name"));
        Assert.NotNull(r.S("created_at"));
        Assert.Equal("Acme", (await h.Get($"/organizations/{r.S("id")}")).S("name"));
        Assert.Equal(404, (await h.Get("/organizations/org_nope")).Code);
        Assert.Equal(422, (await h.Post("/organizations", new { })).Code);
    }

    [Fact]
    public async Task Create_membership_defaults_to_member_role()
    {
        var (h, user, org) = await Setup();
        await using var _ = h;
        var r = await h.Post("/user_management/organization_memberships", new { user_id = user, organization_id = org });
        Assert.Equal(201, r.Code);
        Assert.Equal("organization_membership", r.S("object"));
        Assert.StartsWith("om_", r.S("id"));
        Assert.Equal(user, r.S("user_id"));
        Assert.Equal(org, r.S("organization_id"));
        Assert.Equal("Acme", r.S("organization_name"));
        Assert.Equal("member", r.J["role"]!["slug"]!.GetValue<string>());
        Assert.Equal("member", r.J["roles"]![0]!["slug"]!.GetValue<string>());
        Assert.Equal("active", r.S("status"));
        Assert.Equal(r.S("id"), (await h.Get($"/user_management/organization_memberships/{r.S("id")}")).S("id"));
    }

    [Fact]
    public async Task Create_membership_validation_404_and_409()
    {
        var (h, user, org) = await Setup();
        await using var _ = h;
        const string p = "/user_management/organization_memberships";
        Assert.Equal(422, (await h.Post(p, new { user_id = user, organization_id = org, role_slug = "admin", role_slugs = new[] { "admin" } })).Code);
        var missing = await h.Post(p, new { organization_id = org });
        Assert.Equal(422, missing.Code);
        Assert.Equal("user_id", missing.J["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Equal(404, (await h.Post(p, new { user_id = "user_nope", organization_id = org })).Code);
        Assert.Equal(404, (await h.Post(p, new { user_id = user, organization_id = "org_nope" })).Code);
        Assert.Equal(201, (await h.Post(p, new { user_id = user, organization_id = org })).Code);
        var dup = await h.Post(p, new { user_id = user, organization_id = org });
        Assert.Equal(409, dup.Code);
        Assert.NotNull(dup.S("code"));
    }

    [Fact]
    public async Task Creating_over_an_inactive_membership_reactivates_it_with_new_role()
    {
        var (h, user, org) = await Setup();
        await using var _ = h;
        var m = await h.AddMember(user, org);
        await h.Put($"/user_management/organization_memberships/{m["id"]}/deactivate");
        var r = await h.Post("/user_management/organization_memberships", new { user_id = user, organization_id = org, role_slugs = new[] { "admin", "billing" } });
        Assert.Equal(201, r.Code);
        Assert.Equal(m["id"]!.GetValue<string>(), r.S("id"));
        Assert.Equal("active", r.S("status"));
        Assert.Equal(["admin", "billing"], r.J["roles"]!.AsArray().Select(x => x!["slug"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Update_membership_roles()
    {
        var (h, user, org) = await Setup();
        await using var _ = h;
        var m = await h.AddMember(user, org);
        var path = $"/user_management/organization_memberships/{m["id"]}";
        var r = await h.Put(path, new { role_slug = "admin" });
        Assert.Equal(200, r.Code);
        Assert.Equal("admin", r.J["role"]!["slug"]!.GetValue<string>());
        var multi = await h.Put(path, new { role_slugs = new[] { "owner", "admin" } });
        Assert.Equal("owner", multi.J["role"]!["slug"]!.GetValue<string>());
        Assert.Equal(2, multi.J["roles"]!.AsArray().Count);
        Assert.Equal(200, (await h.Put(path, new { })).Code);
        Assert.Equal(422, (await h.Put(path, new { role_slug = "a", role_slugs = new[] { "b" } })).Code);
        Assert.Equal(404, (await h.Put("/user_management/organization_memberships/om_nope", new { role_slug = "a" })).Code);
    }

    [Fact]
    public async Task Deactivate_and_reactivate_rules()
    {
        var seed = """
        {"organizations":[{"id":"org_1","name":"One"}],
         "users":[{"id":"user_1","email":"a@x.test"},{"id":"user_2","email":"b@x.test"}],
         "memberships":[{"id":"om_active","user":"user_1","organization":"org_1","role_slug":"admin"},
                        {"id":"om_pending","user":"user_2","organization":"org_1","status":"pending"}]}
        """;
        await using var h = await Harness.StartAsync(new EmulatorOptions { SeedJson = seed });
        const string p = "/user_management/organization_memberships/";
        var d = await h.Put(p + "om_active/deactivate");
        Assert.Equal(200, d.Code);
        Assert.Equal("inactive", d.S("status"));
        Assert.Equal("inactive", (await h.Put(p + "om_active/deactivate")).S("status"));
        var re = await h.Put(p + "om_active/reactivate");
        Assert.Equal("active", re.S("status"));
        Assert.Equal("admin", re.J["role"]!["slug"]!.GetValue<string>());
        Assert.Equal("active", (await h.Put(p + "om_active/reactivate")).S("status"));
        Assert.Equal(400, (await h.Put(p + "om_pending/deactivate")).Code);
        Assert.Equal(400, (await h.Put(p + "om_pending/reactivate")).Code);
        Assert.Equal(404, (await h.Put(p + "om_nope/deactivate")).Code);
    }

    [Fact]
    public async Task Delete_membership_is_204()
    {
        var (h, user, org) = await Setup();
        await using var _ = h;
        var m = await h.AddMember(user, org);
        var r = await h.Delete($"/user_management/organization_memberships/{m["id"]}");
        Assert.Equal(204, r.Code);
        Assert.Equal("", r.Raw);
        Assert.Equal(404, (await h.Get($"/user_management/organization_memberships/{m["id"]}")).Code);
    }

    [Fact]
    public async Task List_memberships_requires_a_filter_and_filters_statuses()
    {
        var seed = """
        {"organizations":[{"id":"org_1","name":"One"}],
         "users":[{"id":"user_1","email":"a@x.test"},{"id":"user_2","email":"b@x.test"},{"id":"user_3","email":"c@x.test"}],
         "memberships":[{"id":"om_1","user":"user_1","organization":"org_1"},
                        {"id":"om_2","user":"user_2","organization":"org_1","status":"pending"},
                        {"id":"om_3","user":"user_3","organization":"org_1","status":"inactive"}]}
        """;
        await using var h = await Harness.StartAsync(new EmulatorOptions { SeedJson = seed });
        const string p = "/user_management/organization_memberships";
        Assert.Equal(422, (await h.Get(p)).Code);
        static List<string> Ids(Resp r) => r.J["data"]!.AsArray().Select(x => x!["id"]!.GetValue<string>()).OrderBy(x => x).ToList();
        Assert.Equal(["om_1"], Ids(await h.Get(p + "?organization_id=org_1")));
        Assert.Equal(["om_1", "om_2"], Ids(await h.Get(p + "?limit=10&order=desc&organization_id=org_1&statuses=active&statuses=pending")));
        Assert.Equal(["om_2", "om_3"], Ids(await h.Get(p + "?organization_id=org_1&statuses[]=pending&statuses[]=inactive")));
        Assert.Equal(["om_1", "om_3"], Ids(await h.Get(p + "?organization_id=org_1&statuses=active%2Cinactive")));
        Assert.Equal(["om_2"], Ids(await h.Get(p + "?user_id=user_2&statuses=pending")));
        Assert.Equal(422, (await h.Get(p + "?organization_id=org_1&statuses=bogus")).Code);
        Assert.Equal("One", (await h.Get(p + "?user_id=user_1")).J["data"]![0]!["organization_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_memberships_paginates()
    {
        await using var h = await Harness.StartAsync();
        var org = await h.CreateOrg("Big");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var u = await h.CreateUser($"u{i}@example.com", password: null);
            ids.Add((await h.AddMember(u["id"]!.GetValue<string>(), org))["id"]!.GetValue<string>());
        }
        var p1 = await h.Get($"/user_management/organization_memberships?organization_id={org}&limit=2&order=asc");
        var p2 = await h.Get($"/user_management/organization_memberships?organization_id={org}&limit=2&order=asc&after={p1.J["list_metadata"]!["after"]}");
        var p3 = await h.Get($"/user_management/organization_memberships?organization_id={org}&limit=2&order=asc&after={p2.J["list_metadata"]!["after"]}");
        var all = new[] { p1, p2, p3 }.SelectMany(r => r.J["data"]!.AsArray().Select(x => x!["id"]!.GetValue<string>())).ToList();
        Assert.Equal(ids, all);
        Assert.Null(p3.J["list_metadata"]!["after"]);
    }
}
