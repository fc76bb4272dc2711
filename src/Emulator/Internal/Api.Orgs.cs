using System.Text.Json.Nodes;

namespace WorkOS.Functional.Emulator.Internal;

internal sealed partial class Api
{
    // ---------------------------------------------------------------- memberships

    private static List<string>? ReadRoles(Req q, List<(string, string)> errors)
    {
        var slug = q.Str("role_slug");
        var slugs = q.StrList("role_slugs");
        if (slugs is { Count: 0 }) slugs = null;
        if (slug is not null && slugs is not null) { errors.Add(("role_slugs", "role_slug_and_role_slugs_are_mutually_exclusive")); return null; }
        if (slugs is not null && slugs.Any(string.IsNullOrWhiteSpace)) { errors.Add(("role_slugs", "invalid")); return null; }
        if (slugs is { Count: > Limits.MaxRoleSlugs }) { errors.Add(("role_slugs", "too_many")); return null; }
        if ((slugs ?? []).Append(slug ?? "").Any(x => x.Length > Limits.MaxSlug)) { errors.Add((slugs is null ? "role_slug" : "role_slugs", "too_long")); return null; }
        return slug is not null ? [slug] : slugs?.Distinct().ToList();
    }

    private Reply ListMemberships(Req q)
    {
        var orgId = q.Query("organization_id");
        var userId = q.Query("user_id");
        if (string.IsNullOrEmpty(orgId) && string.IsNullOrEmpty(userId))
            throw Err.Validation(("organization_id", "required_without_user_id"), ("user_id", "required_without_organization_id"));
        var statuses = q.QueryAll("statuses");
        foreach (var s in statuses)
            if (!MembershipStatuses.Contains(s)) throw Err.Validation(("statuses", "invalid"));
        if (statuses.Count == 0) statuses = ["active"];
        var items = S.Memberships.Values.Where(m =>
            (string.IsNullOrEmpty(orgId) || m.OrganizationId == orgId) &&
            (string.IsNullOrEmpty(userId) || m.UserId == userId) &&
            statuses.Contains(m.Status));
        return Reply.Ok(Page(q, items, m => m.Id, S.MembershipJson));
    }

    private Reply CreateMembership(Req q)
    {
        var errors = new List<(string, string)>();
        var userId = q.Str("user_id");
        var orgId = q.Str("organization_id");
        if (userId is null) errors.Add(("user_id", "required"));
        if (orgId is null) errors.Add(("organization_id", "required"));
        var roles = ReadRoles(q, errors);
        if (errors.Count > 0) throw Err.Validation([.. errors]);
        var user = GetUser(userId!);
        var org = GetOrg(orgId!);
        var now = Now;
        var existing = S.Memberships.Values.FirstOrDefault(m => m.UserId == user.Id && m.OrganizationId == org.Id);
        if (existing is not null)
        {
            if (existing.Status != "inactive")
                throw Err.Code(409, "organization_membership_already_exists",
                    $"User '{user.Id}' already has a {existing.Status} membership in organization '{org.Id}'.");
            existing.Status = "active";
            existing.RoleSlugs = roles ?? ["member"];
            existing.UpdatedAt = now;
            return Reply.Created(S.MembershipJson(existing));
        }
        var m = new Membership
        {
            Id = S.Ids.Next("om_"), UserId = user.Id, OrganizationId = org.Id, RoleSlugs = roles ?? ["member"],
            Status = "active", CreatedAt = now, UpdatedAt = now,
        };
        S.Memberships[m.Id] = m;
        return Reply.Created(S.MembershipJson(m));
    }

    private Reply UpdateMembership(Req q)
    {
        var m = GetMembership(q.Route("id"));
        var errors = new List<(string, string)>();
        var roles = ReadRoles(q, errors);
        if (errors.Count > 0) throw Err.Validation([.. errors]);
        if (roles is not null)
        {
            m.RoleSlugs = roles;
            m.UpdatedAt = Now;
        }
        return Reply.Ok(S.MembershipJson(m));
    }

    private Reply SetMembershipStatus(Req q, string target)
    {
        var m = GetMembership(q.Route("id"));
        if (m.Status == "pending")
            throw Err.Code(400, "organization_membership_pending",
                target == "inactive"
                    ? "A pending membership cannot be deactivated; delete it instead."
                    : "A pending membership cannot be reactivated; the invitation must be accepted.");
        if (m.Status != target)
        {
            m.Status = target;
            m.UpdatedAt = Now;
        }
        return Reply.Ok(S.MembershipJson(m));
    }

    // ---------------------------------------------------------------- invitations

    private Reply ListInvitations(Req q)
    {
        IEnumerable<Invitation> items = S.Invitations.Values;
        if (q.Query("organization_id") is { Length: > 0 } orgId) items = items.Where(i => i.OrganizationId == orgId);
        if (q.Query("email") is { Length: > 0 } email)
            items = items.Where(i => string.Equals(i.Email, email, StringComparison.OrdinalIgnoreCase));
        var now = Now;
        return Reply.Ok(Page(q, items, i => i.Id, i => i.ToJson(now)));
    }

    private Reply SendInvitation(Req q)
    {
        var errors = new List<(string, string)>();
        var email = q.Str("email");
        if (email is null) errors.Add(("email", "required"));
        else if (email.Length > Limits.MaxEmail) errors.Add(("email", "too_long"));
        else if (!ValidEmail(email)) errors.Add(("email", "invalid"));
        if (q.Str("role_slug") is { Length: > Limits.MaxSlug }) errors.Add(("role_slug", "too_long"));
        var days = q.Int("expires_in_days");
        if (days is < 1 or > 30) errors.Add(("expires_in_days", "invalid"));
        if (errors.Count > 0) throw Err.Validation([.. errors]);
        var orgId = q.Str("organization_id");
        if (orgId is not null) GetOrg(orgId);
        var inviter = q.Str("inviter_user_id");
        if (inviter is not null) GetUser(inviter);
        var now = Now;
        if (S.Invitations.Values.Any(i => string.Equals(i.Email, email, StringComparison.OrdinalIgnoreCase) &&
                                          i.OrganizationId == orgId && i.State(now) == "pending"))
            throw Err.Code(400, "duplicate_invitation", $"A pending invitation for '{email}' already exists.");
        var inv = new Invitation
        {
            Id = S.Ids.Next("invitation_"), Email = email!, Token = Rand.Alnum(32), OrganizationId = orgId,
            InviterUserId = inviter, RoleSlug = q.Str("role_slug"), ExpiresInDays = days ?? 7,
            ExpiresAt = now.AddDays(days ?? 7), CreatedAt = now, UpdatedAt = now,
        };
        S.Invitations[inv.Id] = inv;
        return Reply.Created(inv.ToJson(now));
    }

    private Invitation RequirePending(Invitation inv)
    {
        switch (inv.State(Now))
        {
            case "revoked": throw Err.Code(400, "invite_revoked", "The invitation has been revoked.");
            case "expired": throw Err.Code(400, "invite_expired", "The invitation has expired.");
            case "accepted": throw Err.Code(400, "invite_accepted", "The invitation has already been accepted.");
            default: return inv;
        }
    }

    private Reply RevokeInvitation(Req q)
    {
        var inv = RequirePending(GetInvitation(q.Route("id")));
        inv.StoredState = "revoked";
        inv.RevokedAt = Now;
        inv.UpdatedAt = Now;
        return Reply.Ok(inv.ToJson(Now));
    }

    private Reply ResendInvitation(Req q)
    {
        var inv = RequirePending(GetInvitation(q.Route("id")));
        inv.Token = Rand.Alnum(32);
        inv.ExpiresAt = Now.AddDays(inv.ExpiresInDays);
        inv.UpdatedAt = Now;
        return Reply.Ok(inv.ToJson(Now));
    }

    private Reply AcceptInvitationEndpoint(Req q)
    {
        var inv = RequirePending(GetInvitation(q.Route("id")));
        var now = Now;
        var user = S.UserByEmail(inv.Email);
        if (user is null)
        {
            user = new User { Id = S.Ids.Next("user_"), Email = inv.Email, EmailVerified = true, CreatedAt = now, UpdatedAt = now };
            S.Users[user.Id] = user;
        }
        Accept(inv, user);
        return Reply.Ok(inv.ToJson(now));
    }

    /// <summary>Marks the invitation accepted and gives the user an active membership in its organization.</summary>
    private void Accept(Invitation inv, User user)
    {
        var now = Now;
        inv.StoredState = "accepted";
        inv.AcceptedAt = now;
        inv.AcceptedUserId = user.Id;
        inv.UpdatedAt = now;
        if (inv.OrganizationId is not { } orgId || !S.Organizations.ContainsKey(orgId)) return;
        var existing = S.Memberships.Values.FirstOrDefault(m => m.UserId == user.Id && m.OrganizationId == orgId);
        if (existing is not null)
        {
            existing.Status = "active";
            existing.UpdatedAt = now;
            return;
        }
        var m = new Membership
        {
            Id = S.Ids.Next("om_"), UserId = user.Id, OrganizationId = orgId, RoleSlugs = [inv.RoleSlug ?? "member"],
            Status = "active", CreatedAt = now, UpdatedAt = now,
        };
        S.Memberships[m.Id] = m;
    }
}
