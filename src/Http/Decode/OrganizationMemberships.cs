namespace WorkOS.Functional.Http;

internal sealed class RoleResponseDto : IWireObject
{
    public string? Slug { get; set; }

    public Seq<string> Missing(string at) => Wire.Missing(at, ("slug", Slug));

    public RoleResponse ToDomain() => new(Slug ?? "");
}

internal sealed class OrganizationMembershipDto : IWireObject
{
    public string? Id { get; set; }
    public string? UserId { get; set; }
    public string? OrganizationId { get; set; }
    public string? OrganizationName { get; set; }
    public RoleResponseDto? Role { get; set; }
    public List<RoleResponseDto?>? Roles { get; set; }
    public string? Status { get; set; }
    public string? CreatedAt { get; set; }
    public string? UpdatedAt { get; set; }
    public bool? DirectoryManaged { get; set; }

    /// <summary><c>organization_name</c> is optional (newer servers and other emulators omit it); <c>roles</c> may be absent.</summary>
    public Seq<string> Missing(string at) =>
        Wire.Missing(at, ("id", Id), ("user_id", UserId), ("organization_id", OrganizationId), ("role", Role), ("status", Status),
            ("created_at", CreatedAt), ("updated_at", UpdatedAt))
        + Wire.Nested(at, "role", Role) + Wire.Items(at + "roles", Roles);

    public OrganizationMembership ToDomain() => new(
        Id ?? "", UserId ?? "", OrganizationId ?? "", Wire.Opt(OrganizationName),
        Role!.ToDomain(),
        toSeq((Roles ?? []).Where(static r => r is not null).Select(static r => r!.ToDomain())).Strict(),
        new OrganizationMembershipStatus(Status ?? ""), CreatedAt ?? "", UpdatedAt ?? "", Optional(DirectoryManaged));
}

public static partial class Decode
{
    /// <summary>An <see cref="WorkOS.Functional.OrganizationMembership"/> object.</summary>
    public static Either<Error, OrganizationMembership> OrganizationMembership(HttpResponseSpec r) =>
        Body<OrganizationMembershipDto, OrganizationMembership>("OrganizationMembership", r, static d => d.ToDomain());

    /// <summary>A list envelope of organization memberships.</summary>
    public static Either<Error, ListOrganizationMembershipsResponse> ListOrganizationMemberships(HttpResponseSpec r) =>
        Body<ListDto<OrganizationMembershipDto>, ListOrganizationMembershipsResponse>("ListOrganizationMembershipsResponse", r, static d =>
        {
            var (data, meta) = d.ToDomain(static m => m.ToDomain());
            return new ListOrganizationMembershipsResponse(data, meta);
        });
}
