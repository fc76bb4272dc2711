using System.Text.Json.Nodes;

namespace WorkOS.Functional.Emulator.Internal;

// Endpoints WorkOS added after Go v6.3: sessions list, email change, membership groups, and the
// registration of the device flow (Api.Device.cs) and Radar (Api.Radar.cs).
internal sealed partial class Api
{
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(30);
    private static readonly TimeSpan EmailChangeLifetime = TimeSpan.FromMinutes(10);

    private void MapNext(Router r)
    {
        const string U = "/user_management";
        r.Map("GET", U + "/users/{id}/sessions", ListSessions);
        r.Map("POST", U + "/users/{id}/email_change/send", SendEmailChange);
        r.Map("POST", U + "/users/{id}/email_change/confirm", ConfirmEmailChange);
        r.Map("GET", U + "/organization_memberships/{id}/groups", ListMembershipGroups);
        MapDevice(r);
        MapRadar(r);
        r.Map("GET", "/_emulate/users/{id}/email_change", q =>
        {
            var user = GetUser(q.Route("id"));
            var change = S.Next.EmailChanges.GetValueOrDefault(user.Id) ?? throw Err.NotFound("Email change for user", user.Id);
            return Reply.Ok(new JsonObject { ["code"] = change.Code, ["new_email"] = change.NewEmail, ["expires_at"] = Json.Ts(change.ExpiresAt) });
        });
        r.Map("POST", "/_emulate/groups", CreateGroup);
    }

    // ---------------------------------------------------------------- sessions

    private Reply ListSessions(Req q)
    {
        var user = GetUser(q.Route("id"));
        return Reply.Ok(Page(q, S.Sessions.Values.Where(s => s.UserId == user.Id), s => s.Id, SessionJson));
    }

    private JsonObject SessionJson(Session s)
    {
        var expires = s.CreatedAt + SessionLifetime;
        return new JsonObject
        {
            ["object"] = "session",
            ["id"] = s.Id,
            ["user_id"] = s.UserId,
            ["organization_id"] = s.OrganizationId,
            ["status"] = s.Revoked ? "revoked" : Now >= expires ? "expired" : "active",
            ["auth_method"] = SessionAuthMethod(s.AuthMethod),
            ["ip_address"] = null,
            ["user_agent"] = null,
            ["expires_at"] = Json.Ts(expires),
            ["ended_at"] = Json.TsOrNull(s.EndedAt),
            ["created_at"] = Json.Ts(s.CreatedAt),
            ["updated_at"] = Json.Ts(s.EndedAt ?? s.CreatedAt),
        };
    }

    /// <summary>Sessions name their method in lower case, unlike the authenticate response.</summary>
    private static string SessionAuthMethod(string method) => method switch
    {
        "Password" => "password",
        "MagicAuth" => "magic_code",
        "SSO" => "sso",
        "Impersonation" => "impersonation",
        "Passkey" => "passkey",
        _ when method.EndsWith("OAuth", StringComparison.Ordinal) => "oauth",
        _ => "unknown",
    };

    // ---------------------------------------------------------------- email change

    private Reply SendEmailChange(Req q)
    {
        var user = GetUser(q.Route("id"));
        var newEmail = q.Str("new_email") ?? throw Err.Validation(("new_email", "required"));
        if (!ValidEmail(newEmail)) throw Err.Code(422, "invalid_email", "The new email address is not valid.");
        if (string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
            throw Err.Code(409, "email_change_not_needed", "The new email address is the user's current address.");
        if (S.UserByEmail(newEmail) is not null) throw Err.Code(409, "email_not_available", "The new email address belongs to another user.");
        var now = Now;
        var change = new PendingEmailChange { UserId = user.Id, NewEmail = newEmail, Code = Rand.Digits(6), ExpiresAt = now + EmailChangeLifetime, CreatedAt = now };
        S.Next.EmailChanges[user.Id] = change;
        return Reply.Ok(new JsonObject
        {
            ["object"] = "email_change",
            ["user"] = user.ToJson(),
            ["new_email"] = newEmail,
            ["expires_at"] = Json.Ts(change.ExpiresAt),
            ["created_at"] = Json.Ts(change.CreatedAt),
        });
    }

    private Reply ConfirmEmailChange(Req q)
    {
        var user = GetUser(q.Route("id"));
        var code = q.Str("code") ?? throw Err.Validation(("code", "required"));
        var change = S.Next.EmailChanges.GetValueOrDefault(user.Id) ?? throw Err.Code(409, "no_pending_email_change", "The user has no pending email change.");
        if (change.Used) throw Err.Code(409, "email_change_code_previously_used", "The email change code was already used.");
        if (Now >= change.ExpiresAt) throw Err.Code(400, "email_change_code_expired", "The email change code has expired.");
        if (change.Code != code) throw Err.Code(400, "email_change_code_incorrect", "The email change code is incorrect.");
        if (S.UserByEmail(change.NewEmail) is { } other && other.Id != user.Id)
            throw Err.Code(409, "email_not_available", "The new email address belongs to another user.");
        change.Used = true;
        user.Email = change.NewEmail;
        user.EmailVerified = true;
        user.UpdatedAt = Now;
        return Reply.Ok(new JsonObject { ["object"] = "email_change_confirmation", ["user"] = user.ToJson() });
    }

    // ---------------------------------------------------------------- groups

    private Reply ListMembershipGroups(Req q)
    {
        var m = GetMembership(q.Route("id"));
        return Reply.Ok(Page(q, S.Next.Groups.Values.Where(g => g.MembershipIds.Contains(m.Id)), g => g.Id, g => g.ToJson()));
    }

    private Reply CreateGroup(Req q)
    {
        var org = GetOrg(q.Str("organization_id") ?? throw Err.Validation(("organization_id", "required")));
        var name = q.Str("name") ?? throw Err.Validation(("name", "required"));
        var members = q.StrList("membership_ids") ?? [];
        foreach (var id in members)
            if (GetMembership(id).OrganizationId != org.Id) throw Err.Validation(("membership_ids", "not_in_organization"));
        var g = new Group
        {
            Id = S.Ids.Next("group_"), OrganizationId = org.Id, Name = name, Description = q.Str("description"),
            MembershipIds = members, CreatedAt = Now,
        };
        S.Next.Groups[g.Id] = g;
        return Reply.Created(g.ToJson());
    }
}
