using System.Text.Json;
using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration;

/// <summary>The operations added after Go v6.3 over real loopback HTTP: exact requests, decoded answers, error forms.</summary>
public sealed class NextWireTests(LoopbackFixture fixture) : IClassFixture<LoopbackFixture>
{
    private const string UserJson = """{"object":"user","id":"user_01","email":"ana@example.com","email_verified":true,"created_at":"c","updated_at":"u","name":"Ana","locale":"en-US"}""";
    private const string AuthJson = $$$"""{"user":{{{UserJson}}},"organization_id":null,"access_token":"at_wire","refresh_token":"rt_wire","authentication_method":"Password","authkit_authorization_code":"akc_1","oauth_tokens":{"provider":"GoogleOAuth","access_token":"gat_1","refresh_token":"grt_1","expires_at":1700000000,"scopes":["email"]}}""";

    private LoopbackServer Server => fixture.Server;

    private static JsonElement Body(RecordedRequest r) => JsonDocument.Parse(r.Body).RootElement;

    private static string[] Keys(RecordedRequest r) => Body(r).EnumerateObject().Select(static p => p.Name).ToArray();

    [Fact]
    public async Task ListSessions_sends_paging_and_decodes_sessions()
    {
        Server.Respond(Reply.Json(200, """
            {"object":"list","data":[{"object":"session","id":"session_1","user_id":"user_01","status":"revoked","auth_method":"password","ip_address":"203.0.113.9",
             "user_agent":null,"expires_at":"e","ended_at":"x","created_at":"c","updated_at":"u","impersonator":{"email":"admin@example.com","reason":null}}],
             "list_metadata":{"before":null,"after":"session_1"}}
            """));
        var page = await Run.Succ(Server.Client("sk_test_s").ListSessions(Run.Valid(ListSessionsRequest.Create("user 01/x", 5, Order.Asc))));
        Assert.Equal(("GET", "/user_management/users/user%2001%2Fx/sessions?limit=5&order=asc", "Bearer sk_test_s"),
            (Server.Last.Method, Server.Last.PathAndQuery, Server.Last.Header("authorization")));
        Assert.Equal(new Session("session_1", "user_01", SessionStatus.Revoked, "password", Some("203.0.113.9"), None, None,
            Some(new Impersonator("admin@example.com", None)), "e", Some("x"), "c", "u"), page.Data.Single());
        Assert.Equal(Some("session_1"), page.ListMetadata.After);
    }

    [Fact]
    public async Task AcceptInvitation_posts_no_body_and_an_invite_error_keeps_its_code()
    {
        Server.Respond(Reply.Json(200, """{"object":"invitation","id":"invitation_1","email":"a@b.co","state":"accepted","token":"t","accept_invitation_url":"https://a.example/invite?invitation_token=t","accepted_user_id":"user_9","role_slug":null,"expires_at":"e","created_at":"c","updated_at":"u"}"""));
        var inv = await Run.Succ(Server.Client().AcceptInvitation(Run.Valid(AcceptInvitationRequest.Create("invitation_1"))));
        Assert.Equal(("POST", "/user_management/invitations/invitation_1/accept", ""), (Server.Last.Method, Server.Last.PathAndQuery, Server.Last.Body));
        Assert.Equal((InvitationState.Accepted, Some("user_9"), Option<string>.None), (inv.State, inv.AcceptedUserId, inv.RoleSlug));

        Server.Respond(Reply.Json(400, """{"code":"invite_not_pending","message":"Invite is not pending."}"""));
        var api = Assert.IsType<ApiError>(await Run.Fail(Server.Client().AcceptInvitation(Run.Valid(AcceptInvitationRequest.Create("invitation_1")))));
        Assert.Equal((400, "invite_not_pending"), (api.Status, api.ErrorCode));
    }

    [Fact]
    public async Task Email_change_send_and_confirm_carry_their_bodies_and_decode_the_user()
    {
        Server.Respond(Reply.Json(200, $$"""{"object":"email_change","user":{{UserJson}},"new_email":"ana+new@example.org","expires_at":"e","created_at":"c"}"""));
        var change = await Run.Succ(Server.Client().SendEmailChange(Run.Valid(SendEmailChangeRequest.Create("user_01", "ana+new@example.org"))));
        Assert.Equal(("POST", "/user_management/users/user_01/email_change/send", "ana+new@example.org"),
            (Server.Last.Method, Server.Last.PathAndQuery, Body(Server.Last).GetProperty("new_email").GetString()));
        Assert.Equal(new[] { "new_email" }, Keys(Server.Last));
        Assert.Equal(("ana+new@example.org", Some("Ana"), Some("en-US")), (change.NewEmail, change.User.Name, change.User.Locale));

        Server.Respond(Reply.Json(400, """{"code":"email_change_code_incorrect","message":"Incorrect code."}"""));
        var api = Assert.IsType<ApiError>(await Run.Fail(Server.Client().ConfirmEmailChange(Run.Valid(ConfirmEmailChangeRequest.Create("user_01", "123456")))));
        Assert.Equal(("/user_management/users/user_01/email_change/confirm", """{"code":"123456"}""", "email_change_code_incorrect"),
            (Server.Last.PathAndQuery, Server.Last.Body, api.ErrorCode));
    }

    [Fact]
    public async Task CreateDevice_sends_no_api_key_and_decodes_the_codes()
    {
        Server.Respond(Reply.Json(200, """{"device_code":"dc_wire_secret","user_code":"WXYZ-2345","verification_uri":"https://a.example/device","verification_uri_complete":"https://a.example/device?user_code=WXYZ-2345","expires_in":600}"""));
        var device = await Run.Succ(Server.Client().CreateDevice(Run.Valid(CreateDeviceRequest.Create("client_cli"))));
        Assert.Equal(("POST", "/user_management/authorize/device", null, """{"client_id":"client_cli"}"""),
            (Server.Last.Method, Server.Last.PathAndQuery, Server.Last.Header("authorization"), Server.Last.Body));
        Assert.Equal(("WXYZ-2345", TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(5), "dc_wire_secret"),
            (device.UserCode, device.ExpiresIn, device.Interval, device.DeviceCode.Reveal()));
        Assert.DoesNotContain("dc_wire_secret", device.ToString());

        Server.Respond(Reply.Json(403, """{"error":"access_denied","error_description":"Device grant is not enabled."}"""));
        var api = Assert.IsType<ApiError>(await Run.Fail(Server.Client().CreateDevice(Run.Valid(CreateDeviceRequest.Create("client_cli")))));
        Assert.Equal((403, "access_denied"), (api.Status, api.ErrorCode));
    }

    [Fact]
    public async Task PollDeviceCode_over_loopback_reads_both_error_forms_sends_no_secret_and_decodes_the_session()
    {
        var replies = new Queue<Reply>([
            Reply.Json(400, """{"error":"authorization_pending","error_description":"waiting"}"""),
            Reply.Json(403, """{"code":"slow_down","message":"slower"}"""),
            Reply.Json(403, """{"code":"authorization_pending","message":"waiting"}"""),
            Reply.Json(200, AuthJson)]);
        Server.Respond(_ => replies.Dequeue());
        var waits = new List<TimeSpan>();
        var device = new DeviceAuthorizationResponse(Secret.Of("dc_wire_secret"), "WXYZ-2345", "https://a.example/device", None, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(2));
        var options = new DevicePollOptions { Delay = (w, _) => SuccessAff(unit).Map(_ => { waits.Add(w); return unit; }), DeviceId = "laptop-1" };
        var session = await Run.Succ(Server.Client("sk_test_never_sent").PollDeviceCode(device, "client_cli", options));

        Assert.Equal([2, 2, 7, 7], waits.Select(static w => (int)w.TotalSeconds));
        Assert.Equal(4, Server.Requests.Count);
        Assert.All(Server.Requests, r =>
        {
            Assert.Equal(("POST", "/user_management/authenticate", null), (r.Method, r.PathAndQuery, r.Header("authorization")));
            Assert.Equal(["grant_type", "device_code", "client_id", "device_id"], Keys(r));
            Assert.Equal("dc_wire_secret", Body(r).GetProperty("device_code").GetString());
            Assert.DoesNotContain("sk_test_never_sent", r.Body);
        });
        Assert.Equal(("user_01", Some("akc_1"), "gat_1"), (session.User.Id, session.AuthkitAuthorizationCode.Map(static c => c.Reveal()),
            session.OAuthTokens.Map(static t => t.AccessToken.Reveal()).IfNone("")));
        Assert.DoesNotContain("gat_1", session.ToString());
    }

    [Fact]
    public async Task PollDeviceCode_stops_on_access_denied_in_the_code_form()
    {
        Server.Respond(Reply.Json(403, """{"code":"access_denied","message":"The user declined."}"""));
        var device = new DeviceAuthorizationResponse(Secret.Of("dc_x"), "WXYZ-2345", "https://a.example/device", None, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5));
        var error = await Run.Fail(Server.Client().PollDeviceCode(device, "client_cli", new DevicePollOptions { Delay = static (_, _) => SuccessAff(unit) }));
        Assert.IsType<DeviceAccessDenied>(error);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task Radar_calls_carry_their_exact_bodies_and_the_sms_challenge_answers_201()
    {
        var token = Secret.Of("pat_radar_1");
        Server.Respond(Reply.Json(201, """{"verification_id":"radar_sms_1","phone_number":"+447700900123"}"""));
        var sms = await Run.Succ(Server.Client("sk_test_r").CreateRadarChallenge(Run.Valid(CreateRadarChallengeRequest.Create("user_01", token, "+447700900123", userAgent: ""))));
        Assert.Equal(("/user_management/radar_challenges", "Bearer sk_test_r", """{"user_id":"user_01","pending_authentication_token":"pat_radar_1","phone_number":"\u002B447700900123","user_agent":""}"""),
            (Server.Last.PathAndQuery, Server.Last.Header("authorization"), Server.Last.Body));
        Assert.Equal("radar_sms_1", sms.VerificationId);

        Server.Respond(Reply.Json(200, AuthJson));
        await Run.Succ(Server.Client("sk_test_r").AuthenticateWithRadarSmsChallenge(
            Run.Valid(AuthenticateWithRadarSmsChallengeRequest.Create("client_1", "123456", "radar_sms_1", "+447700900123", token))));
        Assert.Null(Server.Last.Header("authorization"));
        Assert.Equal(new[] { "grant_type", "code", "verification_id", "phone_number", "pending_authentication_token", "client_id", "client_secret" }, Keys(Server.Last));
        Assert.Equal("sk_test_r", Body(Server.Last).GetProperty("client_secret").GetString());

        await Run.Succ(Server.Client("sk_test_r").AuthenticateWithRadarEmailChallenge(
            Run.Valid(AuthenticateWithRadarEmailChallengeRequest.Create("client_1", "654321", "radar_challenge_1", token, deviceId: "d1"))));
        Assert.Equal(["grant_type", "code", "radar_challenge_id", "pending_authentication_token", "client_id", "client_secret", "device_id"], Keys(Server.Last));
        Assert.Equal("urn:workos:oauth:grant-type:radar-email-challenge:code", Body(Server.Last).GetProperty("grant_type").GetString());

        Server.Respond(Reply.Json(200, """{"object":"radar_challenge","id":"radar_challenge_1","type":"email","user_id":"user_01","email":"a@b.co","expires_at":"e","created_at":"c","updated_at":"u","code":"654321"}"""));
        var ch = await Run.Succ(Server.Client().GetRadarChallenge(Run.Valid(GetRadarChallengeRequest.Create("radar_challenge_1"))));
        Assert.Equal(("GET", "/user_management/radar_challenges/radar_challenge_1", "654321"), (Server.Last.Method, Server.Last.PathAndQuery, ch.Code.Reveal()));
    }

    [Fact]
    public async Task A_radar_step_up_keeps_its_pending_token()
    {
        Server.Respond(Reply.Json(403, $$"""{"code":"radar_email_challenge","message":"Radar","pending_authentication_token":"pat_r","radar_challenge_id":"radar_challenge_1","user":{{UserJson}}}"""));
        var error = await Run.Fail(Server.Client().AuthenticateWithPassword(Run.Valid(AuthenticateWithPasswordRequest.Create("client_1", "ana@example.com", "pw-123456"))));
        var step = Assert.IsType<UnknownStepUp>(error);
        Assert.Equal(("radar_email_challenge", "pat_r"), (step.ErrorCode, step.PendingAuthenticationToken.Reveal()));
        Assert.Equal(Some("radar_challenge_1"), Decode.RadarChallengeId(step));
        Assert.Equal(Option<string>.None, Decode.RadarChallengeId(new RequestTimedOut()));
    }

    [Fact]
    public async Task ListOrganizationMembershipGroups_sends_paging_and_decodes_groups()
    {
        Server.Respond(Reply.Json(200, """{"object":"list","data":[{"object":"group","id":"group_1","organization_id":"org_1","name":"Eng","description":null,"created_at":"c","updated_at":"u"}],"list_metadata":{}}"""));
        var page = await Run.Succ(Server.Client().ListOrganizationMembershipGroups(Run.Valid(ListOrganizationMembershipGroupsRequest.Create("om_1", after: "group_0"))));
        Assert.Equal("/user_management/organization_memberships/om_1/groups?after=group_0&limit=10&order=desc", Server.Last.PathAndQuery);
        Assert.Equal(new Group("group_1", "org_1", "Eng", None, "c", "u"), page.Data.Single());
    }
}
