using System.Text.Json;
using static WorkOS.Functional.FsCheck.WorkOSValues;

namespace WorkOS.Functional.Properties;

/// <summary>Generators and wire printers for memberships and invitations.</summary>
public static partial class Gens
{
    /// <summary>A text value or None.</summary>
    public static Gen<Option<string>> MaybeTextOption => Gen.OneOf(Gen.Constant(Option<string>.None), AnyText.Select(static s => Some(s)));

    /// <summary>Memberships as the server could send them, including unknown statuses.</summary>
    public static Gen<OrganizationMembership> Membership =>
        from id in Id("om_")
        from user in Id("user_")
        from org in Id("org_")
        from name in MaybeTextOption
        from role in Token(1, 10)
        from roles in Gen.ListOf(Token(1, 10))
        from status in Gen.OneOf(MembershipStatus, Token(1, 8).Select(static s => new OrganizationMembershipStatus(s)))
        from managed in Gen.Elements(Option<bool>.None, Some(true), Some(false))
        select new OrganizationMembership(id, user, org, name, new RoleResponse(role), toSeq(roles.Select(static r => new RoleResponse(r))).Strict(),
            status, "2024-01-01T00:00:00.000Z", "2024-01-02T00:00:00.000Z", managed);

    /// <summary>Invitations with generated secret tokens, optional fields set or not, and unknown states.</summary>
    public static Gen<Invitation> Invitation =>
        from id in Id("invitation_")
        from email in Email
        from state in Gen.OneOf(Gen.Elements(InvitationState.Pending, InvitationState.Accepted, InvitationState.Expired, InvitationState.Revoked),
            Token(1, 8).Select(static s => new InvitationState(s)))
        from acceptedAt in Gen.Elements(Option<string>.None, Some("2024-03-01T00:00:00.000Z"))
        from revokedAt in Gen.Elements(Option<string>.None, Some("2024-03-02T00:00:00.000Z"))
        from token in SecretValue
        from org in Gen.OneOf(Gen.Constant(Option<string>.None), Id("org_").Select(static s => Some(s)))
        from inviter in Gen.OneOf(Gen.Constant(Option<string>.None), Id("user_").Select(static s => Some(s)))
        from acceptedUser in Gen.OneOf(Gen.Constant(Option<string>.None), Id("user_").Select(static s => Some(s)))
        from roleSlug in Gen.OneOf(Gen.Constant(Option<string>.None), Token(1, 8).Select(static s => Some(s)))
        select new Invitation(id, email, state, acceptedAt, revokedAt, Secret.Of(token),
            Secret.Of($"https://auth.example.com/invite?invitation_token={token}"), org, inviter,
            "2024-04-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", "2024-01-02T00:00:00.000Z", acceptedUser, roleSlug);
}

/// <summary>The JSON a server would send for these entities (with extra keys the client must ignore).</summary>
public static class OrgWire
{
    private static string? N(Option<string> o) => o.IfNoneUnsafe((string?)null);

    public static string Membership(OrganizationMembership m) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["object"] = "organization_membership", ["id"] = m.Id, ["user_id"] = m.UserId, ["organization_id"] = m.OrganizationId,
        ["organization_name"] = N(m.OrganizationName), ["role"] = new Dictionary<string, string> { ["slug"] = m.Role.Slug },
        ["roles"] = m.Roles.Map(static r => new Dictionary<string, string> { ["slug"] = r.Slug }).ToArray(),
        ["status"] = m.Status.Value, ["created_at"] = m.CreatedAt, ["updated_at"] = m.UpdatedAt,
        ["directory_managed"] = m.DirectoryManaged.Map(static b => (object)b).IfNoneUnsafe((object?)null),
        ["custom_attributes"] = new Dictionary<string, object> { ["x"] = new[] { 1, 2 } },
    });

    public static string Invitation(Invitation i) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["object"] = "invitation", ["id"] = i.Id, ["email"] = i.Email, ["state"] = i.State.Value,
        ["accepted_at"] = N(i.AcceptedAt), ["revoked_at"] = N(i.RevokedAt), ["token"] = i.Token.Reveal(),
        ["accept_invitation_url"] = i.AcceptInvitationUrl.Reveal(), ["organization_id"] = N(i.OrganizationId),
        ["inviter_user_id"] = N(i.InviterUserId), ["expires_at"] = i.ExpiresAt, ["created_at"] = i.CreatedAt,
        ["updated_at"] = i.UpdatedAt, ["accepted_user_id"] = N(i.AcceptedUserId), ["role_slug"] = N(i.RoleSlug),
        ["locale"] = "en",
    });

    public static string Page(IEnumerable<string> items, string? after = null) =>
        $"{{\"object\":\"list\",\"data\":[{string.Join(",", items)}],\"list_metadata\":{{\"before\":null,\"after\":{JsonSerializer.Serialize(after)}}}}}";
}
