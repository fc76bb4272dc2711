using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration;

/// <summary>The six invitation operations over real loopback HTTP, and the invitation error bodies of spec §2.9.</summary>
public sealed class InvitationsWireTests(LoopbackFixture fixture) : IClassFixture<LoopbackFixture>
{
    private const string Token = "Z1uX8zT3vQ9sW2pL5kJ7hG4fD6aS";

    private const string InvitationJson = $$"""
        {"object":"invitation","id":"invitation_01H","email":"ana@example.com","state":"pending","accepted_at":null,
         "revoked_at":null,"token":"{{Token}}","accept_invitation_url":"https://auth.example.com/invite?invitation_token={{Token}}",
         "organization_id":"org_01H","inviter_user_id":"user_01I","expires_at":"2024-01-08T00:00:00.000Z",
         "created_at":"2024-01-01T00:00:00.000Z","updated_at":"2024-01-01T00:00:00.000Z","accepted_user_id":null,"role_slug":"admin"}
        """;

    private static string WithState(string state) => InvitationJson.Replace("\"state\":\"pending\"", $"\"state\":\"{state}\"");

    private LoopbackServer Server => fixture.Server;

    [Fact]
    public async Task GetInvitation_sends_a_bearer_GET_and_decodes_every_field()
    {
        Server.Respond(Reply.Json(200, InvitationJson));
        var i = await Run.Succ(Server.Client("sk_test_inv").GetInvitation(Run.Valid(GetInvitationRequest.Create("invitation_01H"))));

        Assert.Equal(("GET", "/user_management/invitations/invitation_01H", "Bearer sk_test_inv", ""),
            (Server.Last.Method, Server.Last.PathAndQuery, Server.Last.Header("authorization"), Server.Last.Body));
        Assert.Equal(new Invitation("invitation_01H", "ana@example.com", InvitationState.Pending, None, None, Secret.Of(Token),
            Secret.Of($"https://auth.example.com/invite?invitation_token={Token}"), Some("org_01H"), Some("user_01I"),
            "2024-01-08T00:00:00.000Z", "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", None, Some("admin")), i);
        Assert.DoesNotContain(Token, i.ToString());
    }

    [Fact]
    public async Task FindInvitationByToken_puts_the_escaped_token_in_the_path_and_never_prints_it()
    {
        Server.Respond(Reply.Json(200, InvitationJson));
        var request = Run.Valid(FindInvitationByTokenRequest.Create(Token + "/ ?"));
        var i = await Run.Succ(Server.Client().FindInvitationByToken(request));

        Assert.Equal("GET", Server.Last.Method);
        Assert.Equal($"/user_management/invitations/by_token/{Token}%2F%20%3F", Server.Last.PathAndQuery);
        Assert.Equal(Token, i.Token.Reveal());
        Assert.DoesNotContain(Token, request.ToString());
    }

    [Fact]
    public async Task FindInvitationByToken_for_an_unknown_token_is_a_404_ApiError()
    {
        Server.Respond(Reply.Json(404, """{"message":"Invitation not found"}"""));
        var api = Assert.IsType<ApiError>(await Run.Fail(Server.Client().FindInvitationByToken(Run.Valid(FindInvitationByTokenRequest.Create("nope")))));
        Assert.Equal((404, "Not Found", "", "Invitation not found"), (api.Status, api.Context.Reason, api.ErrorCode, api.Message));
    }

    [Fact]
    public async Task ListInvitations_with_defaults_sends_limit_10_and_order_desc_and_decodes_the_page()
    {
        Server.Respond(Reply.Json(200, $$$"""{"object":"list","data":[{{{InvitationJson}}},{{{WithState("accepted")}}}],"list_metadata":{"before":null,"after":"invitation_01H"}}"""));
        var page = await Run.Succ(Server.Client().ListInvitations(ListInvitationsRequest.Default));

        Assert.Equal("/user_management/invitations?limit=10&order=desc", Server.Last.PathAndQuery);
        Assert.Equal(Seq(InvitationState.Pending, InvitationState.Accepted), page.Data.Map(static i => i.State));
        Assert.Equal(Some("invitation_01H"), page.ListMetadata.After);
        Assert.DoesNotContain(Token, page.ToString());
    }

    [Fact]
    public async Task ListInvitations_sorts_and_escapes_the_filters_like_Go()
    {
        Server.Respond(Reply.Json(200, """{"data":[],"list_metadata":{}}"""));
        await Run.Succ(Server.Client().ListInvitations(Run.Valid(ListInvitationsRequest.Create("org_01H", "a+b@example.com", 25, Order.Asc, after: "invitation_9"))));
        Assert.Equal("/user_management/invitations?after=invitation_9&email=a%2Bb%40example.com&limit=25&order=asc&organization_id=org_01H", Server.Last.PathAndQuery);
    }

    [Fact]
    public async Task SendInvitation_posts_the_Go_ordered_body_and_decodes_201()
    {
        Server.Respond(Reply.Json(201, InvitationJson));
        var i = await Run.Succ(Server.Client().SendInvitation(Run.Valid(SendInvitationRequest.Create("ana@example.com", "org_01H", 7, "user_01I", "admin"))));

        Assert.Equal(("POST", "/user_management/invitations"), (Server.Last.Method, Server.Last.PathAndQuery));
        Assert.Equal("""{"email":"ana@example.com","organization_id":"org_01H","expires_in_days":7,"inviter_user_id":"user_01I","role_slug":"admin"}""", Server.Last.Body);
        Assert.StartsWith("application/json", Server.Last.Header("content-type"));
        Assert.Equal("invitation_01H", i.Id);
    }

    [Fact]
    public async Task SendInvitation_with_only_an_email_sends_only_the_email()
    {
        Server.Respond(Reply.Json(201, InvitationJson));
        await Run.Succ(Server.Client().SendInvitation(Run.Valid(SendInvitationRequest.Create("ana@example.com"))));
        Assert.Equal("""{"email":"ana@example.com"}""", Server.Last.Body);
    }

    [Fact]
    public async Task RevokeInvitation_posts_with_no_body_and_decodes_the_revoked_state()
    {
        Server.Respond(Reply.Json(200, WithState("revoked").Replace("\"revoked_at\":null", "\"revoked_at\":\"2024-01-02T00:00:00.000Z\"")));
        var i = await Run.Succ(Server.Client().RevokeInvitation(Run.Valid(RevokeInvitationRequest.Create("invitation_01H"))));

        Assert.Equal(("POST", "/user_management/invitations/invitation_01H/revoke", ""), (Server.Last.Method, Server.Last.PathAndQuery, Server.Last.Body));
        Assert.Equal(InvitationState.Revoked, i.State);
        Assert.Equal(Some("2024-01-02T00:00:00.000Z"), i.RevokedAt);
    }

    [Fact]
    public async Task ResendInvitation_posts_with_no_body_and_decodes_a_new_token()
    {
        Server.Respond(Reply.Json(200, InvitationJson.Replace(Token, "NEWtoken123")));
        var i = await Run.Succ(Server.Client().ResendInvitation(Run.Valid(ResendInvitationRequest.Create("invitation_01H"))));

        Assert.Equal(("POST", "/user_management/invitations/invitation_01H/resend", ""), (Server.Last.Method, Server.Last.PathAndQuery, Server.Last.Body));
        Assert.Equal(Secret.Of("NEWtoken123"), i.Token);
        Assert.Contains("NEWtoken123", i.AcceptInvitationUrl.Reveal());
    }

    [Fact]
    public async Task Resending_an_unknown_invitation_is_a_404_ApiError_with_the_server_message()
    {
        Server.Respond(Reply.Json(404, """{"message":"Invitation not found"}""", ("X-Request-ID", "req_inv_404")));
        var api = Assert.IsType<ApiError>(await Run.Fail(Server.Client().ResendInvitation(Run.Valid(ResendInvitationRequest.Create("invitation_missing")))));
        Assert.Equal((404, "", "Invitation not found", "req_inv_404"), (api.Status, api.ErrorCode, api.Message, api.RequestId));
    }

    [Theory]
    [InlineData("invite_expired", "Invite has expired.")]
    [InlineData("invite_revoked", "Invite has been revoked.")]
    [InlineData("invite_accepted", "Invite has already been accepted.")]
    public async Task Resending_a_non_pending_invitation_is_a_400_ApiError_with_its_code(string code, string message)
    {
        Server.Respond(Reply.Json(400, $$"""{"code":"{{code}}","message":"{{message}}"}"""));
        var error = await Run.Fail(Server.Client().ResendInvitation(Run.Valid(ResendInvitationRequest.Create("invitation_01H"))));

        var api = Assert.IsType<ApiError>(error);
        Assert.Equal((400, "Bad Request", code, message), (api.Status, api.Context.Reason, api.ErrorCode, api.Message));
        Assert.Equal(ErrorCodes.ApiError, api.Code);
        Assert.True(error.Is(Error.New(ErrorCodes.ApiError, "")));
    }

    [Fact]
    public async Task Revoking_an_accepted_invitation_is_a_400_that_a_flow_can_recover_from_by_code()
    {
        Server.Respond(Reply.Json(400, """{"code":"invite_accepted","message":"Invite has already been accepted."}"""));
        var flow = Server.Client().RevokeInvitation(Run.Valid(RevokeInvitationRequest.Create("invitation_01H"))).Map(static i => i.State.Value)
            | @catchOf<ApiError, string>(e => e.ErrorCode == "invite_accepted" ? SuccessAff("already accepted") : FailAff<string>(e));
        Assert.Equal("already accepted", await Run.Succ(flow));
    }

    [Fact]
    public async Task A_bad_send_request_fails_before_anything_is_sent()
    {
        Server.Respond(Reply.Json(201, InvitationJson));
        var program =
            from request in SendInvitationRequest.Create("not-an-email", expiresInDays: 31).ToAff()
            from invitation in Server.Client().SendInvitation(request)
            select invitation;
        var invalid = Assert.IsType<InvalidRequest>(await Run.Fail(program));
        Assert.Equal(Seq("email", "expires_in_days"), invalid.Fields);
        Assert.Empty(Server.Requests);
    }
}
