using V = WorkOS.Functional.FsCheck.WorkOSValues;

namespace WorkOS.Functional.FsCheck;

public static partial class WorkOSGen
{
    /// <summary>
    /// <see cref="EnrollAuthFactorRequest"/>: type unset or <c>totp</c>, issuer, user and secret set or not; broken in
    /// <c>user_id</c> or <c>type</c> (any type but <c>totp</c>).
    /// </summary>
    public static RequestGen<EnrollAuthFactorRequest> EnrollAuthFactor { get; } =
        new Spec<(string? UserId, FactorType? Type, string? Issuer, string? User, string? Secret), EnrollAuthFactorRequest>("EnrollAuthFactor",
            from user in V.PathId
            from type in Gen.Elements<FactorType?>(null, FactorType.Totp, new FactorType(""))
            from issuer in V.MaybeText
            from totpUser in Gen.OneOf(V.MaybeText, V.Email.Select(static e => (string?)e))
            from secret in V.MaybeSecret
            select ((string?)user, type, issuer, totpUser, secret),
            static a => EnrollAuthFactorRequest.Create(a.UserId, a.Type, a.Issuer, a.User, a.Secret))
        .Break("user_id", Bads.PathSegment, static (a, v) => a with { UserId = v })
        .Break("type",
            Gen.OneOf(Gen.Elements(FactorType.Sms, FactorType.GenericOtp, FactorType.WebAuthn, new FactorType("TOTP"), new FactorType(" ")),
                V.Token(1, 10).Where(static t => t != "totp").Select(static t => new FactorType(t)))
                .Select(static t => new Bad<FactorType?>(t, "not totp")),
            static (a, v) => a with { Type = v })
        .Build();

    /// <summary><see cref="ListAuthFactorsRequest"/>: any path ID; broken in <c>user_id</c>.</summary>
    public static RequestGen<ListAuthFactorsRequest> ListAuthFactors { get; } = ById("ListAuthFactors", "user_id", ListAuthFactorsRequest.Create);

    /// <summary><see cref="ChallengeAuthFactorRequest"/>: any path ID; broken in <c>authentication_factor_id</c>.</summary>
    public static RequestGen<ChallengeAuthFactorRequest> ChallengeAuthFactor { get; } =
        ById("ChallengeAuthFactor", "authentication_factor_id", ChallengeAuthFactorRequest.Create);

    /// <summary><see cref="GetEmailVerificationRequest"/>: any path ID; broken in <c>email_verification_id</c>.</summary>
    public static RequestGen<GetEmailVerificationRequest> GetEmailVerification { get; } =
        ById("GetEmailVerification", "email_verification_id", GetEmailVerificationRequest.Create);

    /// <summary><see cref="SendVerificationEmailRequest"/>: any path ID; broken in <c>user_id</c>.</summary>
    public static RequestGen<SendVerificationEmailRequest> SendVerificationEmail { get; } =
        ById("SendVerificationEmail", "user_id", SendVerificationEmailRequest.Create);

    /// <summary><see cref="VerifyEmailRequest"/>; broken in <c>user_id</c> or <c>code</c> (blank).</summary>
    public static RequestGen<VerifyEmailRequest> VerifyEmail { get; } = IdAndCode("VerifyEmail", VerifyEmailRequest.Create);

    /// <summary><see cref="ConfirmEmailChangeRequest"/>; broken in <c>user_id</c> or <c>code</c> (blank).</summary>
    public static RequestGen<ConfirmEmailChangeRequest> ConfirmEmailChange { get; } = IdAndCode("ConfirmEmailChange", ConfirmEmailChangeRequest.Create);

    private static RequestGen<T> IdAndCode<T>(string operation, Func<string?, string?, Either<Error, T>> create) =>
        new Spec<(string? UserId, string? Code), T>(operation,
            from user in V.PathId
            from code in Gen.OneOf(V.Token(6, 6), V.SecretValue)
            select ((string?)user, (string?)code),
            a => create(a.UserId, a.Code))
        .Break("user_id", Bads.PathSegment, static (a, v) => a with { UserId = v })
        .BreakSecret("code", Bads.Blank, static (a, v) => a with { Code = v })
        .Build();

    /// <summary><see cref="SendEmailChangeRequest"/>; broken in <c>user_id</c> or <c>new_email</c>.</summary>
    public static RequestGen<SendEmailChangeRequest> SendEmailChange { get; } =
        new Spec<(string? UserId, string? Email), SendEmailChangeRequest>("SendEmailChange",
            from user in V.PathId
            from email in V.Email
            select ((string?)user, (string?)email),
            static a => SendEmailChangeRequest.Create(a.UserId, a.Email))
        .Break("user_id", Bads.PathSegment, static (a, v) => a with { UserId = v })
        .Break("new_email", Bads.Email, static (a, v) => a with { Email = v })
        .Build();

    /// <summary><see cref="GetPasswordResetRequest"/>: any path ID; broken in <c>password_reset_id</c>.</summary>
    public static RequestGen<GetPasswordResetRequest> GetPasswordReset { get; } =
        ById("GetPasswordReset", "password_reset_id", GetPasswordResetRequest.Create);

    /// <summary><see cref="CreatePasswordResetRequest"/>; broken in <c>email</c>.</summary>
    public static RequestGen<CreatePasswordResetRequest> CreatePasswordReset { get; } = ByEmail("CreatePasswordReset", CreatePasswordResetRequest.Create);

    /// <summary><see cref="SendMagicAuthCodeRequest"/>; broken in <c>email</c>.</summary>
    public static RequestGen<SendMagicAuthCodeRequest> SendMagicAuthCode { get; } = ByEmail("SendMagicAuthCode", SendMagicAuthCodeRequest.Create);

    private static RequestGen<T> ByEmail<T>(string operation, Func<string?, Either<Error, T>> create) =>
        new Spec<string?, T>(operation, V.Email.Select(static e => (string?)e), create)
            .Break("email", Bads.Email, static (_, v) => v)
            .Build();

    /// <summary><see cref="ResetPasswordRequest"/>; broken in <c>token</c> or <c>new_password</c> (blank).</summary>
    public static RequestGen<ResetPasswordRequest> ResetPassword { get; } =
        new Spec<(string? Token, string? Password), ResetPasswordRequest>("ResetPassword",
            from token in V.SecretValue
            from password in V.SecretValue
            select ((string?)token, (string?)password),
            static a => ResetPasswordRequest.Create(a.Token, a.Password))
        .BreakSecret("token", Bads.Blank, static (a, v) => a with { Token = v })
        .BreakSecret("new_password", Bads.Blank, static (a, v) => a with { Password = v })
        .Build();

    /// <summary>
    /// <see cref="SendPasswordResetEmailRequest"/>; broken in <c>email</c> or <c>password_reset_url</c> (blank, or no
    /// absolute http(s) URL).
    /// </summary>
    public static RequestGen<SendPasswordResetEmailRequest> SendPasswordResetEmail { get; } =
        new Spec<(string? Email, string? Url), SendPasswordResetEmailRequest>("SendPasswordResetEmail",
            from email in V.Email
            from url in V.HttpUrl
            select ((string?)email, (string?)url),
            static a => SendPasswordResetEmailRequest.Create(a.Email, a.Url))
        .Break("email", Bads.Email, static (a, v) => a with { Email = v })
        .Break("password_reset_url", Bads.Url, static (a, v) => a with { Url = v })
        .Build();

    /// <summary><see cref="GetMagicAuthRequest"/>: any path ID; broken in <c>magic_auth_id</c>.</summary>
    public static RequestGen<GetMagicAuthRequest> GetMagicAuth { get; } = ById("GetMagicAuth", "magic_auth_id", GetMagicAuthRequest.Create);

    /// <summary><see cref="CreateMagicAuthRequest"/>, with or without an invitation token; broken in <c>email</c>.</summary>
    public static RequestGen<CreateMagicAuthRequest> CreateMagicAuth { get; } =
        new Spec<(string? Email, string? Invitation), CreateMagicAuthRequest>("CreateMagicAuth",
            from email in V.Email
            from invitation in V.MaybeSecret
            select ((string?)email, invitation),
            static a => CreateMagicAuthRequest.Create(a.Email, a.Invitation))
        .Break("email", Bads.Email, static (a, v) => a with { Email = v })
        .Build();
}
