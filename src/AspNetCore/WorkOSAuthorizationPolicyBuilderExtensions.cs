using WorkOS.Functional.AspNetCore;

namespace Microsoft.AspNetCore.Authorization;

/// <summary>Policies on the WorkOS claims of either scheme.</summary>
public static class WorkOSAuthorizationPolicyBuilderExtensions
{
    /// <summary>Requires every one of <paramref name="permissions"/> (the access token's <c>permissions</c>).</summary>
    /// <param name="builder">The policy builder.</param>
    /// <param name="permissions">The permissions, e.g. <c>widgets:read</c>; at least one.</param>
    /// <returns>The builder.</returns>
    public static AuthorizationPolicyBuilder RequireWorkOSPermission(this AuthorizationPolicyBuilder builder, params string[] permissions)
    {
        Check(permissions, nameof(permissions));
        foreach (var permission in permissions.Distinct()) builder.RequireClaim(WorkOSClaimTypes.Permission, permission);
        return builder;
    }

    /// <summary>Requires at least one of <paramref name="roles"/> (the access token's <c>role</c> and <c>roles</c>).</summary>
    /// <param name="builder">The policy builder.</param>
    /// <param name="roles">The role slugs, e.g. <c>admin</c>; at least one.</param>
    /// <returns>The builder.</returns>
    public static AuthorizationPolicyBuilder RequireWorkOSRole(this AuthorizationPolicyBuilder builder, params string[] roles)
    {
        Check(roles, nameof(roles));
        return builder.RequireClaim(WorkOSClaimTypes.Role, roles);
    }

    private static void Check(string[] values, string name)
    {
        if (values is null || values.Length == 0 || values.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("Give at least one, and no blank one.", name);
    }
}
