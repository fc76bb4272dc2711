namespace WorkOS.Functional;

/// <summary>
/// An MFA factor (spec §3.17, Go <c>mfa.Factor</c>). <see cref="Totp"/> and <see cref="Sms"/> are
/// <c>None</c> when the server sends <c>null</c> or leaves them out; unknown <see cref="Type"/> values
/// decode as they are.
/// </summary>
/// <param name="Id">The factor ID (<c>auth_factor_…</c>).</param>
/// <param name="Object">The wire's <c>object</c> tag (<c>authentication_factor</c>), when sent.</param>
/// <param name="CreatedAt">Creation timestamp.</param>
/// <param name="UpdatedAt">Last update timestamp.</param>
/// <param name="Type">The factor type: <c>totp</c>, <c>sms</c>, or a newer value.</param>
/// <param name="Totp">TOTP details, for TOTP factors.</param>
/// <param name="Sms">SMS details, for SMS factors.</param>
/// <param name="UserId">The user the factor belongs to (user-management factors), when sent.</param>
public sealed record Factor(
    string Id,
    Option<string> Object,
    string CreatedAt,
    string UpdatedAt,
    FactorType Type,
    Option<TotpDetails> Totp,
    Option<SmsDetails> Sms,
    Option<string> UserId);

/// <summary>
/// TOTP details of a factor (spec §3.17). The secret, the <c>otpauth://</c> URI and the QR code only
/// come with the enrollment response, and all three reveal the shared secret (the URI and the QR
/// image embed it), so all three are <see cref="Secret"/>s and never print.
/// </summary>
/// <param name="QrCode">Data URI of a PNG QR code of <see cref="Uri"/>; encodes the secret.</param>
/// <param name="Secret">The base32 shared secret.</param>
/// <param name="Uri">The <c>otpauth://</c> URI; contains the secret.</param>
/// <param name="Issuer">The issuer label shown in authenticator apps, when sent.</param>
/// <param name="User">The account label shown in authenticator apps, when sent.</param>
public sealed record TotpDetails(
    Option<Secret> QrCode,
    Option<Secret> Secret,
    Option<Secret> Uri,
    Option<string> Issuer,
    Option<string> User);

/// <summary>SMS details of a factor (spec §3.17).</summary>
/// <param name="PhoneNumber">The phone number the codes go to.</param>
public sealed record SmsDetails(string PhoneNumber);

/// <summary>
/// An MFA challenge (spec §3.17, Go <c>mfa.Challenge</c>): its <see cref="Id"/> is the
/// <c>authentication_challenge_id</c> that <c>AuthenticateWithTOTP</c> needs.
/// </summary>
/// <param name="Id">The challenge ID (<c>auth_challenge_…</c>).</param>
/// <param name="Object">The wire's <c>object</c> tag (<c>authentication_challenge</c>), when sent.</param>
/// <param name="CreatedAt">Creation timestamp.</param>
/// <param name="UpdatedAt">Last update timestamp.</param>
/// <param name="ExpiresAt">When the challenge expires, when it does.</param>
/// <param name="AuthenticationFactorId">The factor challenged (required: an answer without it is a <c>DecodeError</c>).</param>
/// <param name="Code">The one-time code, sent by newer servers for some factor types only.</param>
public sealed record Challenge(
    string Id,
    Option<string> Object,
    string CreatedAt,
    string UpdatedAt,
    Option<string> ExpiresAt,
    string AuthenticationFactorId,
    Option<Secret> Code);

/// <summary>The answer of <c>EnrollAuthFactor</c> (spec §2.7 #28): the new factor and a first challenge for it.</summary>
/// <param name="Factor">The enrolled factor (<c>authentication_factor</c>), with its TOTP secret.</param>
/// <param name="Challenge">A challenge of that factor (<c>authentication_challenge</c>).</param>
public sealed record EnrollAuthFactorResponse(Factor Factor, Challenge Challenge);

/// <summary>One page of a user's MFA factors (spec §2.7 #29).</summary>
/// <param name="Data">The factors.</param>
/// <param name="ListMetadata">Cursors for the neighbouring pages.</param>
public sealed record ListAuthFactorsResponse(Seq<Factor> Data, ListMetadata ListMetadata) : IListResponse<Factor>;
