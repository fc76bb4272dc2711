namespace WorkOS.Functional;

public static partial class Rules
{
    /// <summary>Shortest invitation lifetime the server accepts, in days.</summary>
    public const int MinExpiresInDays = 1;
    /// <summary>Longest invitation lifetime the server accepts, in days.</summary>
    public const int MaxExpiresInDays = 30;

    /// <summary>
    /// An optional ID (filter or reference): <c>null</c> or <c>""</c> is unset (Go's omit-if-empty), but a
    /// white-space-only value is a problem. Dropping it silently would widen a list filter to everything
    /// (e.g. every invitation of the environment instead of one organization's).
    /// </summary>
    public static Validation<FieldProblem, Option<string>> OptionalId(string field, string? value) =>
        string.IsNullOrEmpty(value) ? Success<FieldProblem, Option<string>>(None)
        : string.IsNullOrWhiteSpace(value) ? Problem<Option<string>>(field, "must not be blank")
        : Success<FieldProblem, Option<string>>(Some(value));

    /// <summary>
    /// An optional secret token (e.g. the <c>invitation_token</c> of a sign-in): <c>null</c> or <c>""</c> is unset,
    /// a white-space-only value is a problem, like <see cref="OptionalId"/>; a given token is wrapped so it never prints.
    /// </summary>
    /// <param name="field">The wire name of the field.</param>
    /// <param name="value">The token, or <c>null</c>.</param>
    public static Validation<FieldProblem, Option<Secret>> OptionalSecretId(string field, string? value) =>
        OptionalId(field, value).Map(static o => o.Map(Secret.Of));

    /// <summary>
    /// At least one of <c>user_id</c> and <c>organization_id</c> (spec §2.8 #31, enforced here rather than
    /// left to the server). When both are unset (<c>null</c> or <c>""</c>) the problem is reported on
    /// <em>both</em> wire names, so a form can mark both inputs; a white-space-only value is not unset and is
    /// reported by <see cref="OptionalId"/> instead.
    /// </summary>
    public static Validation<FieldProblem, Unit> UserOrOrganization(string? userId, string? organizationId) =>
        string.IsNullOrEmpty(userId) && string.IsNullOrEmpty(organizationId)
            ? (Problem<Unit>("user_id", "is required when organization_id is not given"),
               Problem<Unit>("organization_id", "is required when user_id is not given")).Apply(static (a, _) => a)
            : Success<FieldProblem, Unit>(unit);

    /// <summary>
    /// Membership statuses to filter by: <c>null</c> is none; each element must be <c>active</c>,
    /// <c>inactive</c> or <c>pending</c> (one problem on <c>statuses</c> however many are bad). Caller order is kept.
    /// </summary>
    public static Validation<FieldProblem, Seq<OrganizationMembershipStatus>> Statuses(IEnumerable<OrganizationMembershipStatus?>? statuses)
    {
        var all = toSeq(statuses ?? []).Strict();
        return all.ForAll(static s => s is not null && KnownStatuses.Contains(s))
            ? Success<FieldProblem, Seq<OrganizationMembershipStatus>>(all.Map(static s => s!).Strict())
            : Problem<Seq<OrganizationMembershipStatus>>("statuses", "must each be active, inactive or pending");
    }

    private static readonly Seq<OrganizationMembershipStatus> KnownStatuses =
        Seq(OrganizationMembershipStatus.Active, OrganizationMembershipStatus.Inactive, OrganizationMembershipStatus.Pending);

    /// <summary>
    /// A membership's roles: <c>role_slug</c> XOR <c>role_slugs</c> (spec §5). Both unset (<c>null</c>/<c>""</c>,
    /// <c>null</c>/empty list) is fine: the server applies the default role (create) or changes nothing (update).
    /// Both set: a problem on <c>role_slug</c>. A white-space-only <c>role_slug</c>, or a blank element of
    /// <c>role_slugs</c>: a problem on that field.
    /// </summary>
    public static Validation<FieldProblem, Option<MembershipRole>> RoleSlugs(string? roleSlug, IEnumerable<string?>? roleSlugs)
    {
        var slugs = toSeq(roleSlugs ?? []).Strict();
        return (string.IsNullOrEmpty(roleSlug), slugs.IsEmpty) switch
        {
            (true, true) => Success<FieldProblem, Option<MembershipRole>>(None),
            (false, false) => Problem<Option<MembershipRole>>("role_slug", "cannot be combined with role_slugs"),
            (false, true) => string.IsNullOrWhiteSpace(roleSlug)
                ? Problem<Option<MembershipRole>>("role_slug", "must not be blank")
                : Success<FieldProblem, Option<MembershipRole>>(new MembershipRole.Slug(roleSlug)),
            (true, false) => slugs.Exists(string.IsNullOrWhiteSpace)
                ? Problem<Option<MembershipRole>>("role_slugs", "must not contain a blank slug")
                : Success<FieldProblem, Option<MembershipRole>>(new MembershipRole.Slugs(slugs.Map(static s => s!).Strict())),
        };
    }

    /// <summary>
    /// An invitation's lifetime in days: <c>null</c> or <c>0</c> is unset (not sent; the server's default is 7),
    /// otherwise 1–30.
    /// </summary>
    public static Validation<FieldProblem, int> ExpiresInDays(int? days) =>
        days switch
        {
            null or 0 => Success<FieldProblem, int>(0),
            >= MinExpiresInDays and <= MaxExpiresInDays => Success<FieldProblem, int>(days.Value),
            _ => Problem<int>("expires_in_days", $"must be between {MinExpiresInDays} and {MaxExpiresInDays}"),
        };
}

/// <summary>
/// The roles given to a membership on create or update: exactly one of <c>role_slug</c> or
/// <c>role_slugs</c>, so the mutual exclusion of spec §5 holds by construction.
/// </summary>
public abstract record MembershipRole
{
    private MembershipRole() { }

    /// <summary>One role (<c>role_slug</c>).</summary>
    /// <param name="Value">The role's slug.</param>
    public sealed record Slug(string Value) : MembershipRole;

    /// <summary>A list of roles (<c>role_slugs</c>); more than one needs the server's multiple-roles feature.</summary>
    /// <param name="Values">The slugs, in caller order, at least one.</param>
    public sealed record Slugs(Seq<string> Values) : MembershipRole;
}
