using System.Text.Json.Nodes;

namespace WorkOS.Functional.Emulator.Internal;

// Radar: a flagged user's next password sign-in answers a radar_email_challenge or radar_sms_challenge
// step-up; the challenges, the SMS, and the two grants. Codes are readable through /_emulate.
internal sealed partial class Api
{
    private const string RadarEmailGrantType = "urn:workos:oauth:grant-type:radar-email-challenge:code";
    private const string RadarSmsGrantType = "urn:workos:oauth:grant-type:radar-sms-challenge:code";
    private static readonly TimeSpan RadarCodeLifetime = TimeSpan.FromMinutes(10);
    private const int RadarMaxAttempts = 5;

    private void MapRadar(Router r)
    {
        r.Map("POST", "/user_management/radar_challenges", CreateRadarSms);
        r.Map("GET", "/user_management/radar_challenges/{id}", q => Reply.Ok(
            (S.Next.RadarChallenges.GetValueOrDefault(q.Route("id")) ?? throw Err.NotFound("Radar challenge", q.Route("id"))).ToJson()));
        r.Map("POST", "/_emulate/radar", q =>
        {
            var user = q.Str("user_id") is { } id ? GetUser(id)
                : S.UserByEmail(q.Str("email") ?? throw Err.Validation(("email", "required"))) ?? throw Err.NotFound("User with email", q.Str("email")!);
            var kind = q.Str("challenge") ?? "email";
            if (kind is not ("email" or "sms")) throw Err.Validation(("challenge", "invalid"));
            S.Next.RadarFlags[user.Id] = kind;
            return Reply.Ok(new JsonObject { ["user_id"] = user.Id, ["challenge"] = kind });
        });
        r.Map("GET", "/_emulate/radar_sms/{verification_id}", q =>
        {
            var sms = S.Next.RadarSms.GetValueOrDefault(q.Route("verification_id")) ?? throw Err.NotFound("Radar SMS", q.Route("verification_id"));
            return Reply.Ok(new JsonObject { ["code"] = sms.Code, ["phone_number"] = sms.PhoneNumber });
        });
    }

    /// <summary>When the user is flagged, answers the Radar step-up (once) instead of signing in.</summary>
    private void RadarStepUp(User user, string method)
    {
        if (!S.Next.RadarFlags.Remove(user.Id, out var kind)) return;
        var p = NewPending(user, method, "radar", null, false, false);
        if (kind == "sms")
            throw new ApiException(403, new JsonObject
            {
                ["code"] = "radar_sms_challenge",
                ["message"] = "Radar requires an SMS challenge to finish authenticating.",
                ["pending_authentication_token"] = p.Token,
                ["user"] = user.ToJson(),
            });
        var now = Now;
        var challenge = new RadarEmailChallenge
        {
            Id = S.Ids.Next("radar_challenge_"), UserId = user.Id, Email = user.Email, Code = Rand.Digits(6), PendingToken = p.Token,
            ExpiresAt = now + RadarCodeLifetime, CreatedAt = now,
        };
        S.Next.RadarChallenges[challenge.Id] = challenge;
        throw new ApiException(403, new JsonObject
        {
            ["code"] = "radar_email_challenge",
            ["message"] = "Radar requires an email challenge to finish authenticating.",
            ["pending_authentication_token"] = p.Token,
            ["radar_challenge_id"] = challenge.Id,
            ["user"] = user.ToJson(),
        });
    }

    private Reply CreateRadarSms(Req q)
    {
        var userId = q.Str("user_id");
        var token = q.Str("pending_authentication_token");
        var phone = q.Str("phone_number");
        var missing = new List<(string, string)>();
        if (userId is null) missing.Add(("user_id", "required"));
        if (token is null) missing.Add(("pending_authentication_token", "required"));
        if (phone is null) missing.Add(("phone_number", "required"));
        else if (!IsE164(phone)) missing.Add(("phone_number", "invalid"));
        if (missing.Count > 0) throw Err.Validation([.. missing]);
        var p = S.Pending.GetValueOrDefault(token!);
        if (p is null || p.Used || p.Awaiting != "radar" || Now >= p.ExpiresAt)
            throw Err.Code(400, "invalid_pending_authentication_token", "The pending authentication token is invalid or expired.");
        if (p.UserId != userId) throw Err.Code(400, "user_mismatch", "The pending authentication token belongs to another user.");
        var sms = new RadarSms
        {
            VerificationId = S.Ids.Next("radar_sms_"), UserId = p.UserId, PhoneNumber = phone!, Code = Rand.Digits(6), PendingToken = p.Token,
            ExpiresAt = Now + RadarCodeLifetime,
        };
        S.Next.RadarSms[sms.VerificationId] = sms;
        return Reply.Created(new JsonObject { ["verification_id"] = sms.VerificationId, ["phone_number"] = sms.PhoneNumber });
    }

    private static bool IsE164(string phone) =>
        phone.Length is >= 3 and <= 16 && phone[0] == '+' && phone[1] is >= '1' and <= '9' && phone.Skip(1).All(char.IsAsciiDigit);

    private Reply RadarEmailGrant(Req q)
    {
        var code = Required(q, "code");
        var id = Required(q, "radar_challenge_id");
        var p = TakePending(q, "radar");
        var ch = S.Next.RadarChallenges.GetValueOrDefault(id);
        if (ch is null || ch.PendingToken != p.Token) throw Err.Code(400, "invalid_pending_authentication_token", "The Radar challenge does not belong to this authentication.");
        CheckRadarCode(ch.Used, ch.ExpiresAt, ch.Attempts, ch.Code, code, () => ch.Attempts++);
        ch.Used = true;
        p.Used = true;
        return Proceed(S.Users[p.UserId], p.AuthMethod, null, emailOk: false, mfaOk: false);
    }

    private Reply RadarSmsGrant(Req q)
    {
        var code = Required(q, "code");
        var verificationId = q.Str("verification_id") ?? throw Err.Code(400, "verification_id_required", "verification_id is required.");
        var phone = q.Str("phone_number") ?? throw Err.Code(400, "phone_number_required", "phone_number is required.");
        var p = TakePending(q, "radar");
        var sms = S.Next.RadarSms.GetValueOrDefault(verificationId);
        if (sms is null || sms.PendingToken != p.Token || sms.PhoneNumber != phone)
            throw Err.Code(400, "invalid_pending_authentication_token", "The verification does not belong to this authentication.");
        CheckRadarCode(sms.Used, sms.ExpiresAt, sms.Attempts, sms.Code, code, () => sms.Attempts++);
        sms.Used = true;
        p.Used = true;
        return Proceed(S.Users[p.UserId], p.AuthMethod, null, emailOk: false, mfaOk: false);
    }

    private void CheckRadarCode(bool used, DateTimeOffset expiresAt, int attempts, string expected, string given, Action countAttempt)
    {
        if (used) throw Err.Code(400, "one_time_code_previously_used", "The one-time code was already used.");
        if (Now >= expiresAt) throw Err.Code(400, "one_time_code_expired", "The one-time code has expired.");
        if (attempts >= RadarMaxAttempts) throw Err.Code(400, "one_time_code_too_many_attempts", "Too many attempts: sign in again.");
        if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(given)))
        {
            countAttempt();
            throw Err.Code(400, "invalid_one_time_code", "The one-time code is invalid.");
        }
    }
}
