using System.Text.Json.Nodes;

namespace WorkOS.Functional.Emulator.Internal;

internal sealed class Organization
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public List<string> Domains { get; init; } = [];
    public bool SsoOnly { get; set; }
    public List<string> ConnectionIds { get; init; } = [];
    /// <summary>Seeded entitlement lookup keys, copied into access tokens scoped to this organization.</summary>
    public List<string> Entitlements { get; init; } = [];
    /// <summary>Seeded enabled feature-flag slugs, copied into access tokens scoped to this organization.</summary>
    public List<string> FeatureFlags { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public JsonObject ToJson() => new()
    {
        ["object"] = "organization",
        ["id"] = Id,
        ["name"] = Name,
        ["domains"] = Json.Array(Domains, d => new JsonObject { ["object"] = "organization_domain", ["domain"] = d }),
        ["created_at"] = Json.Ts(CreatedAt),
        ["updated_at"] = Json.Ts(UpdatedAt),
    };
}

internal sealed class User
{
    public required string Id { get; init; }
    public required string Email { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public bool EmailVerified { get; set; }
    public string? ProfilePictureUrl { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
    public string? ExternalId { get; set; }
    public Dictionary<string, string> Metadata { get; set; } = [];
    public string? PasswordHash { get; set; }
    public string? ImportedHash { get; set; }
    public string? ImportedHashType { get; set; }
    public JsonArray Identities { get; set; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public JsonObject ToJson() => new()
    {
        ["object"] = "user",
        ["id"] = Id,
        ["email"] = Email,
        ["first_name"] = FirstName,
        ["last_name"] = LastName,
        ["email_verified"] = EmailVerified,
        ["profile_picture_url"] = ProfilePictureUrl,
        ["last_sign_in_at"] = Json.TsOrNull(LastSignInAt),
        ["external_id"] = ExternalId,
        ["metadata"] = Json.Map(Metadata),
        ["created_at"] = Json.Ts(CreatedAt),
        ["updated_at"] = Json.Ts(UpdatedAt),
    };
}

internal sealed class Membership
{
    public required string Id { get; init; }
    public required string UserId { get; init; }
    public required string OrganizationId { get; init; }
    public List<string> RoleSlugs { get; set; } = ["member"];
    public string Status { get; set; } = "active";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public JsonObject ToJson(string orgName) => new()
    {
        ["object"] = "organization_membership",
        ["id"] = Id,
        ["user_id"] = UserId,
        ["organization_id"] = OrganizationId,
        ["organization_name"] = orgName,
        ["role"] = new JsonObject { ["slug"] = RoleSlugs[0] },
        ["roles"] = Json.Array(RoleSlugs, s => new JsonObject { ["slug"] = s }),
        ["status"] = Status,
        ["directory_managed"] = false,
        ["created_at"] = Json.Ts(CreatedAt),
        ["updated_at"] = Json.Ts(UpdatedAt),
    };
}

internal sealed class Invitation
{
    public required string Id { get; init; }
    public required string Email { get; init; }
    public string StoredState { get; set; } = "pending";
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public required string Token { get; set; }
    public string? OrganizationId { get; init; }
    public string? InviterUserId { get; init; }
    public string? RoleSlug { get; init; }
    public string? AcceptedUserId { get; set; }
    public int ExpiresInDays { get; init; } = 7;
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string State(DateTimeOffset now) =>
        StoredState == "pending" && now >= ExpiresAt ? "expired" : StoredState;

    public JsonObject ToJson(DateTimeOffset now) => new()
    {
        ["object"] = "invitation",
        ["id"] = Id,
        ["email"] = Email,
        ["state"] = State(now),
        ["accepted_at"] = Json.TsOrNull(AcceptedAt),
        ["revoked_at"] = Json.TsOrNull(RevokedAt),
        ["token"] = Token,
        ["accept_invitation_url"] = $"http://localhost/invite?invitation_token={Token}",
        ["organization_id"] = OrganizationId,
        ["inviter_user_id"] = InviterUserId,
        ["accepted_user_id"] = AcceptedUserId,
        ["role_slug"] = RoleSlug,
        ["expires_at"] = Json.Ts(ExpiresAt),
        ["created_at"] = Json.Ts(CreatedAt),
        ["updated_at"] = Json.Ts(UpdatedAt),
    };
}

/// <summary>A one-time code (magic auth or email verification).</summary>
internal sealed class OneTimeCode
{
    public required string Id { get; init; }
    public required string UserId { get; init; }
    public required string Email { get; init; }
    public required string Code { get; init; }
    public string? InvitationToken { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public bool Used { get; set; }
    public int WrongAttempts { get; set; }
    /// <summary>Invalidated by too many wrong codes.</summary>
    public bool Locked { get; set; }
    public bool Active => !Used && !Locked;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public JsonObject ToJson(string objectName) => new()
    {
        ["object"] = objectName,
        ["id"] = Id,
        ["user_id"] = UserId,
        ["email"] = Email,
        ["expires_at"] = Json.Ts(ExpiresAt),
        ["code"] = Code,
        ["created_at"] = Json.Ts(CreatedAt),
        ["updated_at"] = Json.Ts(UpdatedAt),
    };
}

internal sealed class PasswordReset
{
    public required string Id { get; init; }
    public required string UserId { get; init; }
    public required string Email { get; init; }
    public required string Token { get; init; }
    public required string Url { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public bool Used { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    public JsonObject ToJson() => new()
    {
        ["object"] = "password_reset",
        ["id"] = Id,
        ["user_id"] = UserId,
        ["email"] = Email,
        ["password_reset_token"] = Token,
        ["password_reset_url"] = Url,
        ["expires_at"] = Json.Ts(ExpiresAt),
        ["created_at"] = Json.Ts(CreatedAt),
    };
}

internal sealed class Factor
{
    public required string Id { get; init; }
    public required string UserId { get; init; }
    public required byte[] Secret { get; init; }
    public required string Issuer { get; init; }
    public required string TotpUser { get; init; }
    /// <summary>The latest TOTP time step accepted: codes of this or earlier steps are not accepted again (RFC 6238 §5.2).</summary>
    public long LastUsedStep { get; set; } = long.MinValue;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string SecretBase32 => Base32.Encode(Secret);

    public string Uri =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(TotpUser)}?secret={SecretBase32}&issuer={System.Uri.EscapeDataString(Issuer)}";

    public JsonObject ToJson(bool withSecrets)
    {
        var totp = new JsonObject { ["issuer"] = Issuer, ["user"] = TotpUser };
        if (withSecrets)
        {
            totp["secret"] = SecretBase32;
            // A data URI of a PNG, as WorkOS sends: a real QR code of the otpauth URI that an authenticator app can scan.
            totp["qr_code"] = "data:image/png;base64," + Convert.ToBase64String(QRCoder.PngByteQRCodeHelper.GetQRCode(Uri, QRCoder.QRCodeGenerator.ECCLevel.M, 6));
            totp["uri"] = Uri;
        }
        return new JsonObject
        {
            ["object"] = "authentication_factor",
            ["id"] = Id,
            ["user_id"] = UserId,
            ["type"] = "totp",
            ["totp"] = totp,
            ["created_at"] = Json.Ts(CreatedAt),
            ["updated_at"] = Json.Ts(UpdatedAt),
        };
    }
}

internal sealed class Challenge
{
    public required string Id { get; init; }
    public required string FactorId { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public bool Used { get; set; }
    public int WrongAttempts { get; set; }
    public bool Locked { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    public JsonObject ToJson() => new()
    {
        ["object"] = "authentication_challenge",
        ["id"] = Id,
        ["authentication_factor_id"] = FactorId,
        ["expires_at"] = Json.Ts(ExpiresAt),
        ["created_at"] = Json.Ts(CreatedAt),
        ["updated_at"] = Json.Ts(CreatedAt),
    };
}

internal sealed class Session
{
    public required string Id { get; init; }
    public required string UserId { get; init; }
    public string? OrganizationId { get; set; }
    public required string AuthMethod { get; init; }
    /// <summary><c>{email, reason}</c> of the impersonating dashboard user, or null.</summary>
    public JsonObject? Impersonator { get; init; }
    public bool Revoked { get; set; }
    public string RefreshToken { get; set; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? EndedAt { get; set; }
}

/// <summary>A refresh token ever issued: the current one of its session, or a rotated one (whose reuse ends the session).</summary>
internal sealed class RefreshTokenEntry
{
    public required string SessionId { get; init; }
    public bool Rotated { get; set; }
}

/// <summary>State of an authentication waiting for a step-up.</summary>
internal sealed class PendingAuth
{
    public required string Token { get; init; }
    public required string UserId { get; init; }
    public required string AuthMethod { get; init; }
    public required string Awaiting { get; init; } // email_verification | mfa | organization_selection | sso
    public string? RequestedOrganizationId { get; init; }
    public bool EmailSatisfied { get; init; }
    public bool MfaSatisfied { get; init; }
    public string? EmailVerificationId { get; init; }
    public List<string> OrganizationIds { get; init; } = [];
    public DateTimeOffset ExpiresAt { get; init; }
    public bool Used { get; set; }
    public int WrongAttempts { get; set; }
    public bool Locked { get; set; }
    /// <summary>The authorization code this sign-in started from, so a replay of the code can revoke it.</summary>
    public AuthCode? Origin { get; init; }
    /// <summary>Set when the hosted sign-in page runs this step-up: it ends in an authorization code, not a session.</summary>
    public SignInRequest? Page { get; init; }
}

internal sealed class AuthCode
{
    public required string Code { get; init; }
    public required string UserId { get; init; }
    public required string AuthMethod { get; init; }
    public string? OrganizationId { get; init; }
    public string? CodeChallenge { get; init; }
    public string? CodeChallengeMethod { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public bool Used { get; set; }
    /// <summary>True when the hosted sign-in page already ran email verification and MFA for this code.</summary>
    public bool StepsDone { get; init; }
    /// <summary>Sessions issued from this code (directly or after step-ups): revoked if the code is replayed.</summary>
    public List<string> SessionIds { get; } = [];
}
