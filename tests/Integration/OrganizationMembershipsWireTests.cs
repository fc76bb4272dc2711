using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration;

/// <summary>The seven membership operations over real loopback HTTP: exact wire requests and decoded answers.</summary>
public sealed class OrganizationMembershipsWireTests(LoopbackFixture fixture) : IClassFixture<LoopbackFixture>
{
    private const string MembershipJson = """
        {"object":"organization_membership","id":"om_01H","user_id":"user_01H","organization_id":"org_01H",
         "organization_name":"Foo Corp","role":{"slug":"admin"},"roles":[{"slug":"admin"},{"slug":"billing"}],
         "status":"active","created_at":"2024-01-01T00:00:00.000Z","updated_at":"2024-02-01T00:00:00.000Z",
         "directory_managed":false,"custom_attributes":{"dept":"eng"}}
        """;

    private static string WithStatus(string status) => MembershipJson.Replace("\"status\":\"active\"", $"\"status\":\"{status}\"");

    private LoopbackServer Server => fixture.Server;

    [Fact]
    public async Task GetOrganizationMembership_sends_a_bearer_GET_and_decodes_every_field()
    {
        Server.Respond(Reply.Json(200, MembershipJson));
        var m = await Run.Succ(Server.Client("sk_test_om").GetOrganizationMembership(Run.Valid(GetOrganizationMembershipRequest.Create("om_01H"))));

        var req = Server.Last;
        Assert.Equal("GET", req.Method);
        Assert.Equal("/user_management/organization_memberships/om_01H", req.PathAndQuery);
        Assert.Equal("Bearer sk_test_om", req.Header("authorization"));
        Assert.Equal("", req.Body);
        Assert.Equal(new OrganizationMembership("om_01H", "user_01H", "org_01H", Some("Foo Corp"), new RoleResponse("admin"),
            Seq(new RoleResponse("admin"), new RoleResponse("billing")), OrganizationMembershipStatus.Active,
            "2024-01-01T00:00:00.000Z", "2024-02-01T00:00:00.000Z", Some(false)), m);
    }

    [Fact]
    public async Task ListOrganizationMemberships_sends_the_spec_example_query_and_decodes_the_page()
    {
        Server.Respond(Reply.Json(200, $$$"""{"object":"list","data":[{{{MembershipJson}}},{{{WithStatus("pending")}}}],"list_metadata":{"before":null,"after":"om_01H"}}"""));
        var request = Run.Valid(ListOrganizationMembershipsRequest.Create(userId: "user_01",
            statuses: [OrganizationMembershipStatus.Active, OrganizationMembershipStatus.Pending]));
        var page = await Run.Succ(Server.Client().ListOrganizationMemberships(request));

        Assert.Equal("GET", Server.Last.Method);
        Assert.Equal("/user_management/organization_memberships?limit=10&order=desc&statuses=active&statuses=pending&user_id=user_01", Server.Last.PathAndQuery);
        Assert.Equal(Seq(OrganizationMembershipStatus.Active, OrganizationMembershipStatus.Pending), page.Data.Map(static m => m.Status));
        Assert.Equal(new ListMetadata(None, Some("om_01H")), page.ListMetadata);
    }

    [Fact]
    public async Task ListOrganizationMemberships_next_page_keeps_filters_and_escapes_them()
    {
        Server.Respond(Reply.Json(200, """{"data":[],"list_metadata":{"before":"om_1","after":null}}"""));
        var first = Run.Valid(ListOrganizationMembershipsRequest.Create(organizationId: "org 1+2", statuses: [OrganizationMembershipStatus.Inactive], limit: 50, order: Order.Asc));
        var page = await Run.Succ(Server.Client().ListOrganizationMemberships(first.NextPage("om_9")));

        Assert.Equal("/user_management/organization_memberships?after=om_9&limit=50&order=asc&organization_id=org+1%2B2&statuses=inactive", Server.Last.PathAndQuery);
        Assert.True(page.Data.IsEmpty);
        Assert.Equal(Some("om_1"), page.ListMetadata.Before);
    }

    [Fact]
    public async Task A_list_without_user_or_organization_fails_before_anything_is_sent()
    {
        Server.Respond(Reply.Json(200, """{"data":[]}"""));
        var program =
            from request in ListOrganizationMembershipsRequest.Create(statuses: [OrganizationMembershipStatus.Active]).ToAff()
            from page in Server.Client().ListOrganizationMemberships(request)
            select page;
        var invalid = Assert.IsType<InvalidRequest>(await Run.Fail(program));
        Assert.Equal(Seq("user_id", "organization_id"), invalid.Fields);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task CreateOrganizationMembership_posts_both_ids_and_one_role_and_decodes_201()
    {
        Server.Respond(Reply.Json(201, MembershipJson));
        var m = await Run.Succ(Server.Client().CreateOrganizationMembership(Run.Valid(CreateOrganizationMembershipRequest.Create("user_01H", "org_01H", "admin"))));

        Assert.Equal("POST", Server.Last.Method);
        Assert.Equal("/user_management/organization_memberships", Server.Last.PathAndQuery);
        Assert.Equal("""{"user_id":"user_01H","organization_id":"org_01H","role_slug":"admin"}""", Server.Last.Body);
        Assert.StartsWith("application/json", Server.Last.Header("content-type"));
        Assert.Equal("om_01H", m.Id);
    }

    [Fact]
    public async Task CreateOrganizationMembership_with_several_roles_sends_role_slugs()
    {
        Server.Respond(Reply.Json(200, MembershipJson));
        var m = await Run.Succ(Server.Client().CreateOrganizationMembership(
            Run.Valid(CreateOrganizationMembershipRequest.Create("user_01H", "org_01H", roleSlugs: ["admin", "billing"]))));
        Assert.Equal("""{"user_id":"user_01H","organization_id":"org_01H","role_slugs":["admin","billing"]}""", Server.Last.Body);
        Assert.Equal(2, m.Roles.Count);
    }

    [Fact]
    public async Task A_duplicate_membership_409_becomes_an_ApiError_with_its_code()
    {
        Server.Respond(Reply.Json(409, """{"code":"organization_membership_already_exists","message":"The user is already a member of the organization."}""", ("X-Request-ID", "req_409")));
        var error = await Run.Fail(Server.Client().CreateOrganizationMembership(Run.Valid(CreateOrganizationMembershipRequest.Create("user_01H", "org_01H"))));

        var api = Assert.IsType<ApiError>(error);
        Assert.Equal(409, api.Status);
        Assert.Equal("Conflict", api.Context.Reason);
        Assert.Equal("organization_membership_already_exists", api.ErrorCode);
        Assert.Equal("req_409", api.RequestId);
        Assert.Equal(ErrorCodes.ApiError, api.Code);
        Assert.Equal("""{"user_id":"user_01H","organization_id":"org_01H"}""", Server.Last.Body);
    }

    [Fact]
    public async Task UpdateOrganizationMembership_puts_the_role_to_the_id_path()
    {
        Server.Respond(Reply.Json(200, MembershipJson.Replace("\"role\":{\"slug\":\"admin\"}", "\"role\":{\"slug\":\"member\"}")));
        var m = await Run.Succ(Server.Client().UpdateOrganizationMembership(Run.Valid(UpdateOrganizationMembershipRequest.Create("om_01H", "member"))));

        Assert.Equal("PUT", Server.Last.Method);
        Assert.Equal("/user_management/organization_memberships/om_01H", Server.Last.PathAndQuery);
        Assert.Equal("""{"role_slug":"member"}""", Server.Last.Body);
        Assert.Equal(new RoleResponse("member"), m.Role);
    }

    [Fact]
    public async Task UpdateOrganizationMembership_without_roles_sends_an_empty_object()
    {
        Server.Respond(Reply.Json(200, MembershipJson));
        await Run.Succ(Server.Client().UpdateOrganizationMembership(Run.Valid(UpdateOrganizationMembershipRequest.Create("om_01H"))));
        Assert.Equal("{}", Server.Last.Body);
    }

    [Fact]
    public async Task DeleteOrganizationMembership_sends_DELETE_and_accepts_204()
    {
        Server.Respond(new Reply(204));
        var result = await Run.Succ(Server.Client().DeleteOrganizationMembership(Run.Valid(DeleteOrganizationMembershipRequest.Create("om_01H"))));
        Assert.Equal(unit, result);
        Assert.Equal("DELETE", Server.Last.Method);
        Assert.Equal("/user_management/organization_memberships/om_01H", Server.Last.PathAndQuery);
        Assert.Equal("", Server.Last.Body);
    }

    [Fact]
    public async Task Deactivate_and_reactivate_PUT_with_no_body_and_decode_the_new_status()
    {
        Server.Respond(r => Reply.Json(200, WithStatus(r.PathAndQuery.EndsWith("/deactivate") ? "inactive" : "active")));
        var client = Server.Client();
        var program =
            from deactivated in client.DeactivateOrganizationMembership(Run.Valid(DeactivateOrganizationMembershipRequest.Create("om_01H")))
            from reactivated in client.ReactivateOrganizationMembership(Run.Valid(ReactivateOrganizationMembershipRequest.Create("om_01H")))
            select (deactivated.Status, reactivated.Status);
        Assert.Equal((OrganizationMembershipStatus.Inactive, OrganizationMembershipStatus.Active), await Run.Succ(program));

        Assert.Equal(2, Server.Requests.Count);
        Assert.Equal(("PUT", "/user_management/organization_memberships/om_01H/deactivate", ""), (Server.Requests[0].Method, Server.Requests[0].PathAndQuery, Server.Requests[0].Body));
        Assert.Equal(("PUT", "/user_management/organization_memberships/om_01H/reactivate", ""), (Server.Requests[1].Method, Server.Requests[1].PathAndQuery, Server.Requests[1].Body));
        Assert.All(Server.Requests, static r => Assert.Equal("0", r.Header("content-length") ?? "0"));
    }

    [Fact]
    public async Task Deactivating_a_pending_membership_surfaces_the_server_400()
    {
        Server.Respond(Reply.Json(400, """{"code":"cannot_deactivate_pending_organization_membership","message":"Pending memberships cannot be deactivated."}"""));
        var api = Assert.IsType<ApiError>(await Run.Fail(Server.Client().DeactivateOrganizationMembership(Run.Valid(DeactivateOrganizationMembershipRequest.Create("om_pending")))));
        Assert.Equal((400, "cannot_deactivate_pending_organization_membership"), (api.Status, api.ErrorCode));
    }

    [Fact]
    public async Task An_unknown_status_and_missing_roles_decode_without_failing()
    {
        Server.Respond(Reply.Json(200, """{"id":"om_1","user_id":"u","organization_id":"o","organization_name":"O","role":{"slug":"member"},"status":"suspended","created_at":"c","updated_at":"u"}"""));
        var m = await Run.Succ(Server.Client().GetOrganizationMembership(Run.Valid(GetOrganizationMembershipRequest.Create("om_1"))));
        Assert.Equal("suspended", m.Status.Value);
        Assert.True(m.Roles.IsEmpty);
        Assert.Equal(Option<bool>.None, m.DirectoryManaged);
    }

    [Fact]
    public async Task A_membership_id_with_reserved_characters_stays_one_path_segment()
    {
        Server.Respond(Reply.Json(200, MembershipJson));
        await Run.Succ(Server.Client().GetOrganizationMembership(Run.Valid(GetOrganizationMembershipRequest.Create("om/../x?y"))));
        Assert.Equal("/user_management/organization_memberships/om%2F..%2Fx%3Fy", Server.Last.PathAndQuery);
    }
}
