using V = WorkOS.Functional.FsCheck.WorkOSValues;

namespace WorkOS.Functional.FsCheck;

public static partial class WorkOSGen
{
    /// <summary><see cref="GetInvitationRequest"/>: any path ID; broken in <c>invitation_id</c>.</summary>
    public static RequestGen<GetInvitationRequest> GetInvitation { get; } = ById("GetInvitation", "invitation_id", GetInvitationRequest.Create);

    /// <summary><see cref="RevokeInvitationRequest"/>: any path ID; broken in <c>invitation_id</c>.</summary>
    public static RequestGen<RevokeInvitationRequest> RevokeInvitation { get; } = ById("RevokeInvitation", "invitation_id", RevokeInvitationRequest.Create);

    /// <summary><see cref="ResendInvitationRequest"/>: any path ID; broken in <c>invitation_id</c>.</summary>
    public static RequestGen<ResendInvitationRequest> ResendInvitation { get; } = ById("ResendInvitation", "invitation_id", ResendInvitationRequest.Create);

    /// <summary><see cref="AcceptInvitationRequest"/>: any path ID; broken in <c>invitation_id</c>.</summary>
    public static RequestGen<AcceptInvitationRequest> AcceptInvitation { get; } = ById("AcceptInvitation", "invitation_id", AcceptInvitationRequest.Create);

    /// <summary>
    /// <see cref="FindInvitationByTokenRequest"/>: any path-safe token (a secret); broken in <c>invitation_token</c>
    /// (blank, <c>.</c>, <c>..</c>).
    /// </summary>
    public static RequestGen<FindInvitationByTokenRequest> FindInvitationByToken { get; } =
        new Spec<string?, FindInvitationByTokenRequest>("FindInvitationByToken",
                Gen.OneOf(V.SecretValue, V.PathId).Select(static s => (string?)s), static t => FindInvitationByTokenRequest.Create(t))
            .BreakSecret("invitation_token", Bads.PathSegment, static (_, v) => v)
            .Build();

    /// <summary>
    /// <see cref="ListInvitationsRequest"/>: filters set or not, limits at their edges, either order, cursors; broken in
    /// <c>organization_id</c> (white space only), <c>email</c>, <c>limit</c> or <c>order</c>.
    /// </summary>
    public static RequestGen<ListInvitationsRequest> ListInvitations { get; } =
        new Spec<(string? Org, string? Email, int? Limit, Order? Order, string? Before, string? After), ListInvitationsRequest>("ListInvitations",
            from org in V.MaybeId("org_")
            from email in Gen.OneOf(Gen.Elements<string?>(null, ""), V.Email.Select(static e => (string?)e))
            from limit in V.ValidLimit
            from order in V.ValidOrder
            from before in V.MaybeText
            from after in V.MaybeText
            select (org, email, limit, order, before, after),
            static a => ListInvitationsRequest.Create(a.Org, a.Email, a.Limit, a.Order, a.Before, a.After))
        .Break("organization_id", Bads.WhiteSpace, static (a, v) => a with { Org = v })
        .Break("email", Bads.OptionalEmail, static (a, v) => a with { Email = v })
        .Break("limit", Bads.Limit, static (a, v) => a with { Limit = v })
        .Break("order", Bads.Order, static (a, v) => a with { Order = v })
        .Build();

    /// <summary>
    /// <see cref="SendInvitationRequest"/>: organization, inviter and role set or not, <c>expires_in_days</c> unset, 0
    /// (unset), 1, 30 or between; broken in <c>email</c>, <c>organization_id</c>, <c>inviter_user_id</c> (white space
    /// only) or <c>expires_in_days</c> (outside 1–30, and not 0).
    /// </summary>
    public static RequestGen<SendInvitationRequest> SendInvitation { get; } =
        new Spec<(string? Email, string? Org, int? Days, string? Inviter, string? Role), SendInvitationRequest>("SendInvitation",
            from email in V.Email
            from org in V.MaybeId("org_")
            from days in Gen.OneOf(Gen.Elements<int?>(null, 0), V.Within(Rules.MinExpiresInDays, Rules.MaxExpiresInDays).Select(static d => (int?)d))
            from inviter in V.MaybeId("user_")
            from role in V.MaybeText
            select ((string?)email, org, days, inviter, role),
            static a => SendInvitationRequest.Create(a.Email, a.Org, a.Days, a.Inviter, a.Role))
        .Break("email", Bads.Email, static (a, v) => a with { Email = v })
        .Break("organization_id", Bads.WhiteSpace, static (a, v) => a with { Org = v })
        .Break("inviter_user_id", Bads.WhiteSpace, static (a, v) => a with { Inviter = v })
        .Break("expires_in_days",
            V.Outside(Rules.MinExpiresInDays, Rules.MaxExpiresInDays).Where(static d => d != 0)
                .Select(static d => new Bad<int?>(d, $"outside {Rules.MinExpiresInDays}–{Rules.MaxExpiresInDays}")),
            static (a, v) => a with { Days = v })
        .Build();
}
