namespace WorkOS.Functional;

/// <summary>
/// Validated input of <c>EnrollAuthFactor</c> (spec §2.7 #28). User management enrolls TOTP factors
/// only, so <see cref="Type"/> is always <c>totp</c>. An imported TOTP secret is a <see cref="Secret"/>.
/// </summary>
public sealed record EnrollAuthFactorRequest
{
    private EnrollAuthFactorRequest(string userId, FactorType type, Option<string> totpIssuer, Option<string> totpUser, Option<Secret> totpSecret) =>
        (UserId, Type, TotpIssuer, TotpUser, TotpSecret) = (userId, type, totpIssuer, totpUser, totpSecret);

    /// <summary>The user to enroll the factor for.</summary>
    public string UserId { get; }
    /// <summary>The factor type; always <see cref="FactorType.Totp"/>.</summary>
    public FactorType Type { get; }
    /// <summary>Issuer label shown in authenticator apps (e.g. the app's name).</summary>
    public Option<string> TotpIssuer { get; }
    /// <summary>Account label shown in authenticator apps (e.g. the email).</summary>
    public Option<string> TotpUser { get; }
    /// <summary>An existing base32 secret to import instead of letting the server generate one.</summary>
    public Option<Secret> TotpSecret { get; }

    /// <summary>
    /// Validates: <c>user_id</c> non-blank; <c>type</c> unset (→ <c>totp</c>) or <c>totp</c>. Every
    /// problem is reported at once.
    /// </summary>
    /// <param name="userId">The user ID.</param>
    /// <param name="type">The factor type; leave unset for <c>totp</c>.</param>
    /// <param name="totpIssuer">Issuer label.</param>
    /// <param name="totpUser">Account label.</param>
    /// <param name="totpSecret">A base32 secret to import.</param>
    public static Either<Error, EnrollAuthFactorRequest> Create(string? userId, FactorType? type = null, string? totpIssuer = null,
        string? totpUser = null, string? totpSecret = null) =>
        (Rules.PathSegment("user_id", userId), TotpOnly(type))
            .Apply((id, t) => new EnrollAuthFactorRequest(id, t, Rules.Optional(totpIssuer), Rules.Optional(totpUser), Rules.OptionalSecret(totpSecret)))
            .ToRequest();

    /// <summary>Unset or empty → <c>totp</c>; <c>totp</c> passes; anything else is a problem on <c>type</c>.</summary>
    private static Validation<FieldProblem, FactorType> TotpOnly(FactorType? type) =>
        type is null || type.Value.Length == 0 || type == FactorType.Totp
            ? Success<FieldProblem, FactorType>(FactorType.Totp)
            : Rules.Problem<FactorType>("type", "must be totp");
}
