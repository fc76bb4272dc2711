using System.Text.Json;

namespace WorkOS.Functional.Properties;

/// <summary>The operations added after Go v6.3 encode to their exact method, path, query, body and auth.</summary>
public sealed class NextEncodeProperties
{
    private static readonly Gen<string> AnyId = WorkOSValues.PathId; // any ID but the dot segments, which every path ID refuses
    private static readonly Gen<string?> Presence = Gen.Elements<string?>(null, "", "203.0.113.9", "Mozilla/5.0 (X11)");

    private static Dictionary<string, string> Members(HttpRequestSpec spec) =>
        T.Parse(T.Body(spec)).EnumerateObject().ToDictionary(static p => p.Name, static p => p.Value.GetString() ?? "");

    [Property]
    public Property Sessions_and_groups_lists_escape_the_id_and_always_send_limit_and_order() =>
        Prop.ForAll(AnyId.ToArbitrary(), Gen.Choose(1, 100).ToArbitrary(), WorkOSValues.MaybeId("x_").ToArbitrary(), (id, limit, after) =>
        {
            var query = (string.IsNullOrEmpty(after) ? "" : $"after={after}&") + $"limit={limit}&order=asc";
            var sessions = Encode.ListSessions(T.Valid(ListSessionsRequest.Create(id, limit, Order.Asc, after: after)), T.Key);
            var groups = Encode.ListOrganizationMembershipGroups(T.Valid(ListOrganizationMembershipGroupsRequest.Create(id, limit, Order.Asc, after: after)), T.Key);
            return sessions.Method == HttpMethod.Get && sessions.Body.IsNone && sessions.Auth == new Auth.Bearer(T.Key)
                && sessions.RenderPathAndQuery() == $"/user_management/users/{T.Seg(id)}/sessions?{query}"
                && groups.Method == HttpMethod.Get && groups.Body.IsNone && groups.Auth == new Auth.Bearer(T.Key)
                && groups.RenderPathAndQuery() == $"/user_management/organization_memberships/{T.Seg(id)}/groups?{query}";
        });

    [Fact]
    public void List_defaults_are_limit_10_and_order_desc() =>
        Assert.Equal(("/user_management/users/user_1/sessions?limit=10&order=desc", "/user_management/organization_memberships/om_1/groups?limit=10&order=desc"),
            (Encode.ListSessions(T.Valid(ListSessionsRequest.Create("user_1")), T.Key).RenderPathAndQuery(),
             Encode.ListOrganizationMembershipGroups(T.Valid(ListOrganizationMembershipGroupsRequest.Create("om_1")), T.Key).RenderPathAndQuery()));

    [Property]
    public Property AcceptInvitation_and_GetRadarChallenge_are_bodiless_bearer_calls_on_one_escaped_segment() =>
        Prop.ForAll(AnyId.ToArbitrary(), id =>
        {
            var accept = Encode.AcceptInvitation(T.Valid(AcceptInvitationRequest.Create(id)), T.Key);
            var radar = Encode.GetRadarChallenge(T.Valid(GetRadarChallengeRequest.Create(id)), T.Key);
            return accept.Method == HttpMethod.Post && accept.RenderPath() == $"/user_management/invitations/{T.Seg(id)}/accept"
                && radar.Method == HttpMethod.Get && radar.RenderPath() == $"/user_management/radar_challenges/{T.Seg(id)}"
                && new[] { accept, radar }.All(static s => s.Body.IsNone && s.Query.IsEmpty && s.Auth == new Auth.Bearer(T.Key));
        });

    [Property]
    public Property Email_change_bodies_carry_the_address_verbatim_and_the_code_hidden() =>
        Prop.ForAll(WorkOSValues.Id("user_").ToArbitrary(), WorkOSValues.Email.Select(static e => e.Replace("@", "+tag@")).ToArbitrary(), WorkOSValues.SecretValue.ToArbitrary(), (user, email, code) =>
        {
            var send = Encode.SendEmailChange(T.Valid(SendEmailChangeRequest.Create(user, email)), T.Key);
            var confirm = Encode.ConfirmEmailChange(T.Valid(ConfirmEmailChangeRequest.Create(user, code)), T.Key);
            return send.Method == HttpMethod.Post && send.RenderPath() == $"/user_management/users/{user}/email_change/send"
                && T.Body(send) == JsonSerializer.Serialize(new { new_email = email }) && Members(send)["new_email"] == email
                && confirm.Method == HttpMethod.Post && confirm.RenderPath() == $"/user_management/users/{user}/email_change/confirm"
                && Members(confirm).SequenceEqual([new("code", code)]) && !confirm.ToString().Contains(code)
                && send.Auth == new Auth.Bearer(T.Key) && confirm.Auth == new Auth.Bearer(T.Key);
        });

    [Property]
    public Property CreateDevice_sends_only_the_client_id_and_no_api_key() =>
        Prop.ForAll(AnyId.ToArbitrary(), client =>
        {
            var spec = Encode.CreateDevice(T.Valid(CreateDeviceRequest.Create(client)), T.Key);
            return spec.Method == HttpMethod.Post && spec.RenderPath() == "/user_management/authorize/device" && spec.Auth == Auth.None
                && Members(spec).SequenceEqual([new("client_id", client)]) && !T.Body(spec).Contains(T.Key.Reveal());
        });

    [Property]
    public Property Device_code_grant_keeps_Go_order_sends_set_options_even_empty_and_never_a_secret_of_the_client() =>
        Prop.ForAll((from code in WorkOSValues.SecretValue from ip in Presence from device in Presence from agent in Presence select (code, ip, device, agent)).ToArbitrary(), t =>
        {
            var (code, ip, device, agent) = t;
            var spec = Encode.AuthenticateWithDeviceCode(T.Valid(AuthenticateWithDeviceCodeRequest.Create("client_1", Secret.Of(code), ip, device, agent)), T.Key);
            var keys = new List<string> { "grant_type", "device_code", "client_id" };
            if (ip is not null) keys.Add("ip_address");
            if (device is not null) keys.Add("device_id");
            if (agent is not null) keys.Add("user_agent");
            var m = Members(spec);
            return spec.RenderPath() == "/user_management/authenticate" && spec.Auth == Auth.None
                && T.Keys(spec).SequenceEqual(keys)
                && m["grant_type"] == "urn:ietf:params:oauth:grant-type:device_code" && m["device_code"] == code && m["client_id"] == "client_1"
                && (ip is null || m["ip_address"] == ip)
                && !T.Body(spec).Contains(T.Key.Reveal()) && !spec.ToString().Contains(code);
        });

    [Property]
    public Property Radar_grants_keep_Go_order_and_carry_the_api_key_as_client_secret() =>
        Prop.ForAll((from code in WorkOSValues.SecretValue from token in WorkOSValues.SecretValue from ip in Presence from device in Presence select (code, token, ip, device)).ToArbitrary(), t =>
        {
            var (code, token, ip, device) = t;
            var email = Encode.AuthenticateWithRadarEmailChallenge(
                T.Valid(AuthenticateWithRadarEmailChallengeRequest.Create("client_1", code, "radar_challenge_1", Secret.Of(token), ip, device)), T.Key);
            var sms = Encode.AuthenticateWithRadarSmsChallenge(
                T.Valid(AuthenticateWithRadarSmsChallengeRequest.Create("client_1", code, "radar_sms_1", "+447700900123", Secret.Of(token), ip, device)), T.Key);
            var tail = new List<string>();
            if (ip is not null) tail.Add("ip_address");
            if (device is not null) tail.Add("device_id");
            var (e, s) = (Members(email), Members(sms));
            return email.Auth == Auth.None && sms.Auth == Auth.None
                && T.Keys(email).SequenceEqual(new[] { "grant_type", "code", "radar_challenge_id", "pending_authentication_token", "client_id", "client_secret" }.Concat(tail))
                && T.Keys(sms).SequenceEqual(new[] { "grant_type", "code", "verification_id", "phone_number", "pending_authentication_token", "client_id", "client_secret" }.Concat(tail))
                && e["grant_type"] == "urn:workos:oauth:grant-type:radar-email-challenge:code" && s["grant_type"] == "urn:workos:oauth:grant-type:radar-sms-challenge:code"
                && e["client_secret"] == T.Key.Reveal() && s["client_secret"] == T.Key.Reveal()
                && e["code"] == code && s["pending_authentication_token"] == token
                && new[] { email.ToString(), sms.ToString() }.All(p => !p.Contains(code) && !p.Contains(token) && !p.Contains(T.Key.Reveal()));
        });

    [Property]
    public Property CreateRadarChallenge_keeps_Go_order_and_hides_the_pending_token() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), Presence.ToArbitrary(), Presence.ToArbitrary(), (token, ip, agent) =>
        {
            var spec = Encode.CreateRadarChallenge(T.Valid(CreateRadarChallengeRequest.Create("user_1", Secret.Of(token), "+447700900123", ip, agent)), T.Key);
            var keys = new List<string> { "user_id", "pending_authentication_token", "phone_number" };
            if (ip is not null) keys.Add("ip_address");
            if (agent is not null) keys.Add("user_agent");
            return spec.Method == HttpMethod.Post && spec.RenderPath() == "/user_management/radar_challenges" && spec.Auth == new Auth.Bearer(T.Key)
                && T.Keys(spec).SequenceEqual(keys) && Members(spec)["pending_authentication_token"] == token && !spec.ToString().Contains(token);
        });
}
