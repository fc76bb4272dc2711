namespace WorkOS.Functional;

/// <summary>Sort order of list endpoints (spec §1.6): <c>asc</c> or <c>desc</c>.</summary>
/// <param name="Value">The wire string.</param>
public sealed record Order(string Value) : StringEnum(Value)
{
    /// <summary>Oldest first.</summary>
    public static readonly Order Asc = new("asc");
    /// <summary>Newest first; the default when unset.</summary>
    public static readonly Order Desc = new("desc");
}

/// <summary>Algorithm of an imported password hash (spec §3.19).</summary>
/// <param name="Value">The wire string.</param>
public sealed record PasswordHashType(string Value) : StringEnum(Value)
{
    /// <summary><c>bcrypt</c>, the Go-era value.</summary>
    public static readonly PasswordHashType Bcrypt = new("bcrypt");
    /// <summary><c>firebase-scrypt</c>.</summary>
    public static readonly PasswordHashType FirebaseScrypt = new("firebase-scrypt");
    /// <summary><c>ssha</c>.</summary>
    public static readonly PasswordHashType Ssha = new("ssha");
    /// <summary><c>scrypt</c>.</summary>
    public static readonly PasswordHashType Scrypt = new("scrypt");
    /// <summary><c>pbkdf2</c>.</summary>
    public static readonly PasswordHashType Pbkdf2 = new("pbkdf2");
    /// <summary><c>argon2</c>.</summary>
    public static readonly PasswordHashType Argon2 = new("argon2");
}

/// <summary>How a user authenticated (spec §3.19); newer servers add values, which decode as-is.</summary>
/// <param name="Value">The wire string.</param>
public sealed record AuthenticationMethod(string Value) : StringEnum(Value)
{
    /// <summary><c>SSO</c>.</summary>
    public static readonly AuthenticationMethod Sso = new("SSO");
    /// <summary><c>Password</c>.</summary>
    public static readonly AuthenticationMethod Password = new("Password");
    /// <summary><c>AppleOAuth</c>.</summary>
    public static readonly AuthenticationMethod AppleOAuth = new("AppleOAuth");
    /// <summary><c>GitHubOAuth</c>.</summary>
    public static readonly AuthenticationMethod GitHubOAuth = new("GitHubOAuth");
    /// <summary><c>GoogleOAuth</c>.</summary>
    public static readonly AuthenticationMethod GoogleOAuth = new("GoogleOAuth");
    /// <summary><c>MicrosoftOAuth</c>.</summary>
    public static readonly AuthenticationMethod MicrosoftOAuth = new("MicrosoftOAuth");
    /// <summary><c>MagicAuth</c>.</summary>
    public static readonly AuthenticationMethod MagicAuth = new("MagicAuth");
    /// <summary><c>Impersonation</c>.</summary>
    public static readonly AuthenticationMethod Impersonation = new("Impersonation");
}

/// <summary>State of an invitation (spec §3.19).</summary>
/// <param name="Value">The wire string.</param>
public sealed record InvitationState(string Value) : StringEnum(Value)
{
    /// <summary><c>pending</c>.</summary>
    public static readonly InvitationState Pending = new("pending");
    /// <summary><c>accepted</c>.</summary>
    public static readonly InvitationState Accepted = new("accepted");
    /// <summary><c>expired</c>.</summary>
    public static readonly InvitationState Expired = new("expired");
    /// <summary><c>revoked</c>.</summary>
    public static readonly InvitationState Revoked = new("revoked");
}

/// <summary>Status of an organization membership (spec §3.19).</summary>
/// <param name="Value">The wire string.</param>
public sealed record OrganizationMembershipStatus(string Value) : StringEnum(Value)
{
    /// <summary><c>active</c>.</summary>
    public static readonly OrganizationMembershipStatus Active = new("active");
    /// <summary><c>inactive</c>.</summary>
    public static readonly OrganizationMembershipStatus Inactive = new("inactive");
    /// <summary><c>pending</c>.</summary>
    public static readonly OrganizationMembershipStatus Pending = new("pending");
}

/// <summary>Type of an MFA factor (spec §3.17); servers also answer <c>generic_otp</c> and <c>webauthn</c>.</summary>
/// <param name="Value">The wire string.</param>
public sealed record FactorType(string Value) : StringEnum(Value)
{
    /// <summary><c>totp</c>, the only type user management enrolls.</summary>
    public static readonly FactorType Totp = new("totp");
    /// <summary><c>sms</c>.</summary>
    public static readonly FactorType Sms = new("sms");
    /// <summary><c>generic_otp</c>.</summary>
    public static readonly FactorType GenericOtp = new("generic_otp");
    /// <summary><c>webauthn</c>.</summary>
    public static readonly FactorType WebAuthn = new("webauthn");
}

/// <summary>AuthKit screen to open first (spec §2.3); only valid with the <c>authkit</c> provider.</summary>
/// <param name="Value">The wire string.</param>
public sealed record ScreenHint(string Value) : StringEnum(Value)
{
    /// <summary><c>sign-up</c>.</summary>
    public static readonly ScreenHint SignUp = new("sign-up");
    /// <summary><c>sign-in</c>.</summary>
    public static readonly ScreenHint SignIn = new("sign-in");
}

/// <summary>Connection selector of the authorization URL (spec §2.3); any string passes through.</summary>
/// <param name="Value">The wire string.</param>
public sealed record Provider(string Value) : StringEnum(Value)
{
    /// <summary><c>authkit</c>, the hosted AuthKit UI.</summary>
    public static readonly Provider AuthKit = new("authkit");
    /// <summary><c>AppleOAuth</c>.</summary>
    public static readonly Provider AppleOAuth = new("AppleOAuth");
    /// <summary><c>GitHubOAuth</c>.</summary>
    public static readonly Provider GitHubOAuth = new("GitHubOAuth");
    /// <summary><c>GoogleOAuth</c>.</summary>
    public static readonly Provider GoogleOAuth = new("GoogleOAuth");
    /// <summary><c>MicrosoftOAuth</c>.</summary>
    public static readonly Provider MicrosoftOAuth = new("MicrosoftOAuth");
}
