namespace WorkOS.Functional;

/// <summary>An MFA factor named in an <c>mfa_challenge</c> step-up (spec §3.18).</summary>
/// <param name="Id">The factor ID (<c>auth_factor_…</c>).</param>
/// <param name="Type">The factor type.</param>
public sealed record AuthenticationFactorRef(string Id, FactorType Type);

/// <summary>An organization offered in an <c>organization_selection_required</c> step-up (spec §3.18).</summary>
/// <param name="Id">The organization ID.</param>
/// <param name="Name">The organization name.</param>
public sealed record OrganizationRef(string Id, string Name);
