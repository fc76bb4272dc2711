using System.Text.Json;

namespace WorkOS.Functional.Properties;

/// <summary>
/// The optional keys that the v6.3 authenticate grants added (added after Go v6.3): each grant sends each of its keys under
/// its exact JSON name only when it is given (not unset, not <c>""</c>), after the grant's other fields and before
/// <c>client_secret</c>/<c>grant_type</c>; a white-space-only value is refused; the <c>invitation_token</c> is a
/// secret that never prints.
/// </summary>
public sealed class AuthenticateOptionalKeysProperties
{
    private static readonly Secret ApiKey = Secret.Of("sk_test_optional");

    /// <summary>An optional key's input: unset, empty (both omitted) or any non-blank text.</summary>
    private static Gen<string?> Maybe =>
        Gen.OneOf(Gen.Elements<string?>(null, ""), WorkOSValues.Text.Select(static s => (string?)s));

    /// <summary>The inputs of the four keys: invitation token (a distinctive secret), device, signals and Radar attempt IDs.</summary>
    private static Arbitrary<(string? Invitation, string? Device, string? Signals, string? Radar)> Extras =>
        (from invitation in WorkOSValues.MaybeSecret
         from device in Maybe
         from signals in Maybe
         from radar in Maybe
         select (invitation, device, signals, radar)).ToArbitrary();

    /// <summary>
    /// The body's keys are exactly <paramref name="fixedKeys"/>, then each of <paramref name="optional"/> that was given
    /// (in that order, with its value), then <c>client_secret</c> and <c>grant_type</c>.
    /// </summary>
    private static Property Sends(HttpRequestSpec spec, string[] fixedKeys, params (string Key, string? Input)[] optional)
    {
        var given = optional.Where(static o => !string.IsNullOrEmpty(o.Input)).ToArray();
        var doc = JsonDocument.Parse(T.Body(spec)).RootElement;
        return (T.Keys(spec).SequenceEqual([.. fixedKeys, .. given.Select(static g => g.Key), "client_secret", "grant_type"])
                && given.All(g => doc.GetProperty(g.Key).GetString() == g.Input))
            .Label(T.Body(spec));
    }

    /// <summary>A value's System.Text.Json form; a serializer failure shows its message.</summary>
    private static string Json(object value)
    {
        try { return JsonSerializer.Serialize(value, value.GetType()); }
        catch (Exception e) { return "JSON failed: " + e.Message; }
    }

    [Property]
    public Property Password_sends_invitation_token_device_id_signals_id_and_radar_auth_attempt_id_only_when_given() =>
        Prop.ForAll(Extras, x => Sends(
            Encode.AuthenticateWithPassword(T.Valid(AuthenticateWithPasswordRequest.Create("client_1", "ana@example.com", "pw",
                invitationToken: x.Invitation, deviceId: x.Device, signalsId: x.Signals, radarAuthAttemptId: x.Radar)), ApiKey),
            ["client_id", "email", "password"],
            ("invitation_token", x.Invitation), ("device_id", x.Device), ("signals_id", x.Signals), ("radar_auth_attempt_id", x.Radar)));

    [Property]
    public Property Code_sends_invitation_token_device_id_and_signals_id_only_when_given() =>
        Prop.ForAll(Extras, x => Sends(
            Encode.AuthenticateWithCode(T.Valid(AuthenticateWithCodeRequest.Create("client_1", "code_1",
                invitationToken: x.Invitation, deviceId: x.Device, signalsId: x.Signals)), ApiKey),
            ["client_id", "code"],
            ("invitation_token", x.Invitation), ("device_id", x.Device), ("signals_id", x.Signals)));

    [Property]
    public Property MagicAuth_sends_invitation_token_device_id_and_radar_auth_attempt_id_only_when_given() =>
        Prop.ForAll(Extras, x => Sends(
            Encode.AuthenticateWithMagicAuth(T.Valid(AuthenticateWithMagicAuthRequest.Create("client_1", "123456", "ana@example.com",
                invitationToken: x.Invitation, deviceId: x.Device, radarAuthAttemptId: x.Radar)), ApiKey),
            ["client_id", "code", "email"],
            ("invitation_token", x.Invitation), ("device_id", x.Device), ("radar_auth_attempt_id", x.Radar)));

    [Property]
    public Property The_other_grants_send_device_id_only_when_given() =>
        Prop.ForAll(Extras, x =>
            Sends(Encode.AuthenticateWithRefreshToken(T.Valid(AuthenticateWithRefreshTokenRequest.Create("client_1", "rt_1", deviceId: x.Device)), ApiKey),
                ["client_id", "refresh_token"], ("device_id", x.Device))
            .And(Sends(Encode.AuthenticateWithTOTP(T.Valid(AuthenticateWithTOTPRequest.Create("client_1", "123456", "ptok", "auth_challenge_1", deviceId: x.Device)), ApiKey),
                ["client_id", "code", "pending_authentication_token", "authentication_challenge_id"], ("device_id", x.Device)))
            .And(Sends(Encode.AuthenticateWithEmailVerificationCode(T.Valid(AuthenticateWithEmailVerificationCodeRequest.Create("client_1", "123456", "ptok", deviceId: x.Device)), ApiKey),
                ["client_id", "code", "pending_authentication_token"], ("device_id", x.Device)))
            .And(Sends(Encode.AuthenticateWithOrganizationSelection(T.Valid(AuthenticateWithOrganizationSelectionRequest.Create("client_1", "ptok", "org_1", deviceId: x.Device)), ApiKey),
                ["client_id", "pending_authentication_token", "organization_id"], ("device_id", x.Device))));

    [Property]
    public Property A_white_space_only_key_is_refused_with_every_other_problem() =>
        Prop.ForAll(WorkOSValues.WhiteSpace.ToArbitrary(), blank =>
            T.Fields(AuthenticateWithPasswordRequest.Create("", "ana@example.com", "pw", invitationToken: blank, deviceId: blank, signalsId: blank, radarAuthAttemptId: blank))
                .SequenceEqual(["client_id", "invitation_token", "device_id", "signals_id", "radar_auth_attempt_id"])
            && T.Fields(AuthenticateWithCodeRequest.Create("client_1", "code_1", invitationToken: blank, deviceId: blank, signalsId: blank))
                .SequenceEqual(["invitation_token", "device_id", "signals_id"])
            && T.Fields(AuthenticateWithMagicAuthRequest.Create("client_1", "123456", "ana@example.com", invitationToken: blank, deviceId: blank, radarAuthAttemptId: blank))
                .SequenceEqual(["invitation_token", "device_id", "radar_auth_attempt_id"])
            && T.Fields(AuthenticateWithRefreshTokenRequest.Create("client_1", "rt_1", deviceId: blank)).SequenceEqual(["device_id"])
            && T.Fields(AuthenticateWithTOTPRequest.Create("client_1", "123456", "ptok", "auth_challenge_1", deviceId: blank)).SequenceEqual(["device_id"])
            && T.Fields(AuthenticateWithEmailVerificationCodeRequest.Create("client_1", "123456", "ptok", deviceId: blank)).SequenceEqual(["device_id"])
            && T.Fields(AuthenticateWithOrganizationSelectionRequest.Create("client_1", "ptok", "org_1", deviceId: blank)).SequenceEqual(["device_id"]));

    [Property]
    public Property The_invitation_token_never_prints_but_is_sent() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), token =>
        {
            var password = T.Valid(AuthenticateWithPasswordRequest.Create("c", "a@b.co", "pw", invitationToken: token));
            var code = T.Valid(AuthenticateWithCodeRequest.Create("c", "k", invitationToken: token));
            var magic = T.Valid(AuthenticateWithMagicAuthRequest.Create("c", "k", "a@b.co", invitationToken: token));
            var specs = new[]
            {
                Encode.AuthenticateWithPassword(password, ApiKey), Encode.AuthenticateWithCode(code, ApiKey), Encode.AuthenticateWithMagicAuth(magic, ApiKey),
            };
            var refused = AuthenticateWithPasswordRequest.Create("", "a@b.co", "pw", invitationToken: token)
                .Match(Right: static _ => "accepted", Left: static e => e.Message + e + e.ToException().Message);
            var shown = new object[] { password, code, magic, password.InvitationToken, refused }
                .Concat(specs.Select(static s => (object)s)).Concat(specs.Select(static s => (object)s.Body))
                .Select(static v => v + "\n" + Json(v));
            return shown.All(s => !s.Contains(token, StringComparison.Ordinal))
                && specs.All(s => JsonDocument.Parse(T.Body(s)).RootElement.GetProperty("invitation_token").GetString() == token);
        });
}
