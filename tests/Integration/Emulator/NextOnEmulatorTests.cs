using System.Net.Http.Json;
using System.Text.Json;
using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration.Emulator;

/// <summary>
/// The operations added after Go v6.3, end to end against the emulator: sessions listed and ended, invitations
/// accepted into memberships, email change with a code, the device flow with the real poller on the emulator's
/// clock, Radar challenges, and membership groups.
/// </summary>
public sealed class NextOnEmulatorTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private const string Password = "correct-horse-1";
    private static readonly HttpClient Backdoor = new() { Timeout = TimeSpan.FromSeconds(10) };
    private WorkOSClient Client => emu.Client;

    private async Task<JsonElement> Control(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(emu.Emulator.BaseUrl, path)) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await Backdoor.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} /{path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<User> NewUser(string tag) =>
        await Run.Succ(Client.CreateUser(Run.Valid(CreateUserRequest.Create(EmulatorFixture.NewEmail(tag), password: Password, emailVerified: true))));

    private Task<AuthenticateResponse> SignIn(string email) =>
        Run.Succ(Client.AuthenticateWithPassword(Run.Valid(AuthenticateWithPasswordRequest.Create(emu.ClientId, email, Password))));

    private static string Sid(Secret accessToken)
    {
        var payload = accessToken.Reveal().Split('.')[1];
        var json = Convert.FromBase64String(payload.Replace('-', '+').Replace('_', '/').PadRight((payload.Length + 3) / 4 * 4, '='));
        return JsonDocument.Parse(json).RootElement.GetProperty("sid").GetString()!;
    }

    [Fact]
    public async Task ListSessions_shows_each_sign_in_and_RevokeSession_ends_one()
    {
        var user = await NewUser("sessions");
        var first = await SignIn(user.Email);
        var second = await SignIn(user.Email);
        await Run.Succ(Client.RevokeSession(Run.Valid(RevokeSessionRequest.Create(Sid(first.AccessToken)))));

        var page = await Run.Succ(Client.ListSessions(Run.Valid(ListSessionsRequest.Create(user.Id, order: Order.Asc))));
        Assert.Equal(new[] { (Sid(first.AccessToken), SessionStatus.Revoked, true), (Sid(second.AccessToken), SessionStatus.Active, false) },
            page.Data.Select(static s => (s.Id, s.Status, s.EndedAt.IsSome)).ToArray());
        Assert.All(page.Data, s => Assert.Equal((user.Id, "password"), (s.UserId, s.AuthMethod)));

        var onePerPage = await Run.Succ(Client.ListSessions(Run.Valid(ListSessionsRequest.Create(user.Id, 1, Order.Asc))));
        var next = await Run.Succ(Client.ListSessions(Run.Valid(ListSessionsRequest.Create(user.Id, 1, Order.Asc)).NextPage(onePerPage.ListMetadata.After.IfNone(""))));
        Assert.Equal(Sid(second.AccessToken), next.Data.Single().Id);

        var missing = Assert.IsType<ApiError>(await Run.Fail(Client.ListSessions(Run.Valid(ListSessionsRequest.Create("user_nope")))));
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task AcceptInvitation_creates_the_membership_and_a_second_accept_is_refused()
    {
        var email = EmulatorFixture.NewEmail("invitee");
        var sent = await Run.Succ(Client.SendInvitation(Run.Valid(SendInvitationRequest.Create(email, "org_acme", roleSlug: "admin"))));
        var accepted = await Run.Succ(Client.AcceptInvitation(Run.Valid(AcceptInvitationRequest.Create(sent.Id))));
        Assert.Equal(InvitationState.Accepted, accepted.State);
        var userId = accepted.AcceptedUserId.IfNone(() => throw new Xunit.Sdk.XunitException("no accepted_user_id"));

        var memberships = await Run.Succ(Client.ListOrganizationMemberships(Run.Valid(ListOrganizationMembershipsRequest.Create(userId: userId))));
        var m = memberships.Data.Single();
        Assert.Equal(("org_acme", OrganizationMembershipStatus.Active), (m.OrganizationId, m.Status));

        var again = Assert.IsType<ApiError>(await Run.Fail(Client.AcceptInvitation(Run.Valid(AcceptInvitationRequest.Create(sent.Id)))));
        Assert.Equal(400, again.Status);
    }

    [Fact]
    public async Task Email_change_switches_the_address_only_with_the_right_code()
    {
        var user = await NewUser("change");
        var newEmail = EmulatorFixture.NewEmail("changed").Replace("@", "+new@");
        var change = await Run.Succ(Client.SendEmailChange(Run.Valid(SendEmailChangeRequest.Create(user.Id, newEmail))));
        Assert.Equal((newEmail, user.Email), (change.NewEmail, change.User.Email));

        var wrong = Assert.IsType<ApiError>(await Run.Fail(Client.ConfirmEmailChange(Run.Valid(ConfirmEmailChangeRequest.Create(user.Id, "000000x")))));
        Assert.Equal((400, "email_change_code_incorrect"), (wrong.Status, wrong.ErrorCode));

        var code = (await Control(HttpMethod.Get, $"_emulate/users/{user.Id}/email_change")).GetProperty("code").GetString();
        var confirmed = await Run.Succ(Client.ConfirmEmailChange(Run.Valid(ConfirmEmailChangeRequest.Create(user.Id, code))));
        Assert.Equal(newEmail, confirmed.User.Email);
        Assert.Equal(newEmail, (await Run.Succ(Client.GetUser(Run.Valid(GetUserRequest.Create(user.Id))))).Email);

        var reused = Assert.IsType<ApiError>(await Run.Fail(Client.ConfirmEmailChange(Run.Valid(ConfirmEmailChangeRequest.Create(user.Id, code)))));
        Assert.Equal((409, "email_change_code_previously_used"), (reused.Status, reused.ErrorCode));
        var taken = Assert.IsType<ApiError>(await Run.Fail(Client.SendEmailChange(Run.Valid(SendEmailChangeRequest.Create(user.Id, "plain@example.com")))));
        Assert.Equal((409, "email_not_available"), (taken.Status, taken.ErrorCode));
    }

    /// <summary>A delay that moves the emulator's clock instead of sleeping, by <paramref name="advance"/>(n, wait), and runs <paramref name="onWait"/> after the n-th wait.</summary>
    private DevicePollOptions FakeTime(List<TimeSpan> waits, Func<int, TimeSpan, TimeSpan> advance, Func<int, Task> onWait) => new()
    {
        Clock = emu.Clock,
        Delay = (wait, _) => Aff(async () =>
        {
            waits.Add(wait);
            emu.Clock.Advance(advance(waits.Count, wait));
            await onWait(waits.Count);
            return unit;
        }),
    };

    [Fact]
    public async Task Device_flow_signs_in_once_approved_and_slow_down_from_the_emulator_lengthens_the_wait()
    {
        var user = await NewUser("cli");
        var shown = "";
        var waits = new List<TimeSpan>();
        // The first two waits move the clock by only 1 s, so the second poll comes too soon and the emulator says slow_down.
        var options = FakeTime(waits, (n, wait) => n <= 2 ? TimeSpan.FromSeconds(1) : wait,
            n => n == 3 ? Control(HttpMethod.Post, "_emulate/device/approve", new { user_code = shown, user_id = user.Id }) : Task.CompletedTask);

        var session = await Run.Succ(Client.SignInWithDevice(Run.Valid(CreateDeviceRequest.Create(emu.ClientId)),
            d => SuccessAff(unit).Map(_ => { shown = d.UserCode; return unit; }), options));

        Assert.Equal(user.Id, session.User.Id);
        Assert.Equal(new[] { 5, 5, 10 }, waits.Select(static w => (int)w.TotalSeconds).ToArray());
        var again = await Run.Fail(Client.AuthenticateWithDeviceCode(Run.Valid(AuthenticateWithDeviceCodeRequest.Create(emu.ClientId, Secret.Of("dc_unknown")))));
        Assert.Equal("invalid_grant", Assert.IsType<ApiError>(again).ErrorCode);
    }

    [Fact]
    public async Task Device_flow_denied_on_the_emulator_stops_with_DeviceAccessDenied()
    {
        var device = await Run.Succ(Client.CreateDevice(Run.Valid(CreateDeviceRequest.Create(emu.ClientId))));
        var waits = new List<TimeSpan>();
        var options = FakeTime(waits, static (_, w) => w, n => n == 2 ? Control(HttpMethod.Post, "_emulate/device/deny", new { user_code = device.UserCode }) : Task.CompletedTask);
        Assert.IsType<DeviceAccessDenied>(await Run.Fail(Client.PollDeviceCode(device, emu.ClientId, options)));
        Assert.Equal(2, waits.Count);
    }

    [Fact]
    public async Task Device_flow_left_alone_stops_at_the_codes_expiry()
    {
        var device = await Run.Succ(Client.CreateDevice(Run.Valid(CreateDeviceRequest.Create(emu.ClientId))));
        var waits = new List<TimeSpan>();
        var error = await Run.Fail(Client.PollDeviceCode(device, emu.ClientId, FakeTime(waits, static (_, w) => w, static _ => Task.CompletedTask)));
        Assert.IsType<DeviceCodeExpired>(error);
        Assert.Equal((int)(device.ExpiresIn / device.Interval), waits.Count);
    }

    [Fact]
    public async Task Radar_email_challenge_completes_with_the_code_read_through_GetRadarChallenge()
    {
        var user = await NewUser("radar-email");
        await Control(HttpMethod.Post, "_emulate/radar", new { email = user.Email, challenge = "email" });
        var step = Assert.IsType<UnknownStepUp>(await Run.Fail(Client.AuthenticateWithPassword(Run.Valid(AuthenticateWithPasswordRequest.Create(emu.ClientId, user.Email, Password)))));
        Assert.Equal("radar_email_challenge", step.ErrorCode);
        var challengeId = Decode.RadarChallengeId(step).IfNone(() => throw new Xunit.Sdk.XunitException("no radar_challenge_id"));

        var challenge = await Run.Succ(Client.GetRadarChallenge(Run.Valid(GetRadarChallengeRequest.Create(challengeId))));
        Assert.Equal((user.Id, user.Email, "email"), (challenge.UserId, challenge.Email, challenge.Type));

        var wrong = Assert.IsType<ApiError>(await Run.Fail(Client.AuthenticateWithRadarEmailChallenge(
            Run.Valid(AuthenticateWithRadarEmailChallengeRequest.Create(emu.ClientId, "000000x", challengeId, step.PendingAuthenticationToken)))));
        Assert.Equal("invalid_one_time_code", wrong.ErrorCode);
        var session = await Run.Succ(Client.AuthenticateWithRadarEmailChallenge(
            Run.Valid(AuthenticateWithRadarEmailChallengeRequest.Create(emu.ClientId, challenge.Code.Reveal(), challengeId, step.PendingAuthenticationToken))));
        Assert.Equal(user.Id, session.User.Id);
    }

    [Fact]
    public async Task Radar_sms_challenge_texts_a_code_that_completes_the_sign_in()
    {
        var user = await NewUser("radar-sms");
        await Control(HttpMethod.Post, "_emulate/radar", new { email = user.Email, challenge = "sms" });
        var step = Assert.IsType<UnknownStepUp>(await Run.Fail(Client.AuthenticateWithPassword(Run.Valid(AuthenticateWithPasswordRequest.Create(emu.ClientId, user.Email, Password)))));
        Assert.Equal("radar_sms_challenge", step.ErrorCode);

        var sms = await Run.Succ(Client.CreateRadarChallenge(Run.Valid(CreateRadarChallengeRequest.Create(user.Id, step.PendingAuthenticationToken, "+447700900123"))));
        var code = (await Control(HttpMethod.Get, $"_emulate/radar_sms/{sms.VerificationId}")).GetProperty("code").GetString();
        var session = await Run.Succ(Client.AuthenticateWithRadarSmsChallenge(
            Run.Valid(AuthenticateWithRadarSmsChallengeRequest.Create(emu.ClientId, code, sms.VerificationId, sms.PhoneNumber, step.PendingAuthenticationToken))));
        Assert.Equal(user.Id, session.User.Id);

        var reused = Assert.IsType<ApiError>(await Run.Fail(Client.AuthenticateWithRadarSmsChallenge(
            Run.Valid(AuthenticateWithRadarSmsChallengeRequest.Create(emu.ClientId, code, sms.VerificationId, sms.PhoneNumber, step.PendingAuthenticationToken)))));
        Assert.Equal("invalid_grant", reused.ErrorCode);
    }

    [Fact]
    public async Task ListOrganizationMembershipGroups_lists_the_groups_of_one_membership()
    {
        var user = await NewUser("groups");
        var m = await Run.Succ(Client.CreateOrganizationMembership(Run.Valid(CreateOrganizationMembershipRequest.Create(user.Id, "org_acme"))));
        var eng = await Control(HttpMethod.Post, "_emulate/groups", new { organization_id = "org_acme", name = "Eng", membership_ids = new[] { m.Id } });
        await Control(HttpMethod.Post, "_emulate/groups", new { organization_id = "org_acme", name = "Others" });

        var page = await Run.Succ(Client.ListOrganizationMembershipGroups(Run.Valid(ListOrganizationMembershipGroupsRequest.Create(m.Id))));
        Assert.Equal(new[] { (eng.GetProperty("id").GetString()!, "org_acme", "Eng") }, page.Data.Select(static g => (g.Id, g.OrganizationId, g.Name)).ToArray());
    }
}
