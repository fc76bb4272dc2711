using System.Globalization;
using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration.Emulator;

/// <summary>
/// Email verification, password reset, Magic Auth and MFA factors against the independent emulator.
/// Codes the server would email are read through the emulator's documented <c>/_emulate/*</c> helpers.
/// </summary>
public sealed class VerificationOnEmulatorTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private WorkOSClient Client => emu.Client;

    private const string Password = "long-enough-pw";

    private Task<User> NewUser(string tag, bool verified = false) =>
        Run.Succ(Client.CreateUser(Run.Valid(CreateUserRequest.Create(EmulatorFixture.NewEmail(tag), password: Password, emailVerified: verified))));

    internal static DateTimeOffset Ts(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);

    // ------------------------------------------------------------------ email verification

    [Fact]
    public async Task SendVerificationEmail_then_VerifyEmail_with_the_latest_code_verifies_the_user()
    {
        var user = await NewUser("verify");
        Assert.False(user.EmailVerified);

        var sent = await Run.Succ(Client.SendVerificationEmail(Run.Valid(SendVerificationEmailRequest.Create(user.Id))));
        Assert.Equal(user.Id, sent.User.Id);
        Assert.False(sent.User.EmailVerified);

        var (id, code) = await EmulatorBackdoor.LatestEmailVerification(emu, user.Id);
        var verification = await Run.Succ(Client.GetEmailVerification(Run.Valid(GetEmailVerificationRequest.Create(id))));
        Assert.Equal(id, verification.Id);
        Assert.Equal(user.Id, verification.UserId);
        Assert.Equal(user.Email, verification.Email);
        Assert.Equal(code, verification.Code.Reveal());
        Assert.Matches("^[0-9]{6}$", verification.Code.Reveal());
        Assert.Equal(TimeSpan.FromMinutes(10), Ts(verification.ExpiresAt) - Ts(verification.CreatedAt));

        var verified = await Run.Succ(Client.VerifyEmail(Run.Valid(VerifyEmailRequest.Create(user.Id, verification.Code.Reveal()))));
        Assert.Equal(user.Id, verified.User.Id);
        Assert.True(verified.User.EmailVerified);

        var fetched = await Run.Succ(Client.GetUser(Run.Valid(GetUserRequest.Create(user.Id))));
        Assert.True(fetched.EmailVerified);
    }

    [Fact]
    public async Task VerifyEmail_with_a_wrong_code_is_a_400_invalid_code_and_leaves_the_user_unverified()
    {
        var user = await NewUser("wrongcode");
        await Run.Succ(Client.SendVerificationEmail(Run.Valid(SendVerificationEmailRequest.Create(user.Id))));
        var (_, code) = await EmulatorBackdoor.LatestEmailVerification(emu, user.Id);
        var wrong = code == "000000" ? "111111" : "000000";

        var error = Assert.IsType<ApiError>(await Run.Fail(Client.VerifyEmail(Run.Valid(VerifyEmailRequest.Create(user.Id, wrong)))));
        Assert.Equal(400, error.Status);
        Assert.Equal("invalid_code", error.ErrorCode);
        Assert.NotEqual("", error.RequestId);

        var fetched = await Run.Succ(Client.GetUser(Run.Valid(GetUserRequest.Create(user.Id))));
        Assert.False(fetched.EmailVerified);
    }

    [Fact]
    public async Task A_verification_code_is_single_use()
    {
        var user = await NewUser("once");
        await Run.Succ(Client.SendVerificationEmail(Run.Valid(SendVerificationEmailRequest.Create(user.Id))));
        var (_, code) = await EmulatorBackdoor.LatestEmailVerification(emu, user.Id);
        var request = Run.Valid(VerifyEmailRequest.Create(user.Id, code));

        await Run.Succ(Client.VerifyEmail(request));
        var error = Assert.IsType<ApiError>(await Run.Fail(Client.VerifyEmail(request)));
        Assert.Equal(400, error.Status);
        Assert.Equal("invalid_code", error.ErrorCode);
    }

    [Fact]
    public async Task Sending_again_invalidates_the_older_code()
    {
        var user = await NewUser("resend");
        var send = Run.Valid(SendVerificationEmailRequest.Create(user.Id));
        await Run.Succ(Client.SendVerificationEmail(send));
        var first = await EmulatorBackdoor.LatestEmailVerification(emu, user.Id);
        await Run.Succ(Client.SendVerificationEmail(send));
        var second = await EmulatorBackdoor.LatestEmailVerification(emu, user.Id);
        Assert.NotEqual(first.Id, second.Id);
        Assert.True(string.CompareOrdinal(first.Id, second.Id) < 0, "ids are time-ordered");

        if (first.Code != second.Code) // 1 in a million the random codes coincide
        {
            var error = Assert.IsType<ApiError>(await Run.Fail(Client.VerifyEmail(Run.Valid(VerifyEmailRequest.Create(user.Id, first.Code)))));
            Assert.Equal("invalid_code", error.ErrorCode);
        }
        var verified = await Run.Succ(Client.VerifyEmail(Run.Valid(VerifyEmailRequest.Create(user.Id, second.Code))));
        Assert.True(verified.User.EmailVerified);
    }

    [Fact]
    public async Task GetEmailVerification_of_an_unknown_id_is_a_404()
    {
        var error = Assert.IsType<ApiError>(await Run.Fail(Client.GetEmailVerification(Run.Valid(GetEmailVerificationRequest.Create("email_verification_nope")))));
        Assert.Equal(404, error.Status);
        Assert.Equal("entity_not_found", error.ErrorCode);
    }

    [Fact]
    public async Task SendVerificationEmail_for_an_unknown_user_is_a_404()
    {
        var error = Assert.IsType<ApiError>(await Run.Fail(Client.SendVerificationEmail(Run.Valid(SendVerificationEmailRequest.Create("user_nope")))));
        Assert.Equal(404, error.Status);
        Assert.Equal("entity_not_found", error.ErrorCode);
    }

    // ------------------------------------------------------------------ password reset

    [Fact]
    public async Task CreatePasswordReset_then_GetPasswordReset_then_ResetPassword_verifies_the_email_and_the_token_is_single_use()
    {
        var user = await NewUser("reset");
        Assert.False(user.EmailVerified);

        var created = await Run.Succ(Client.CreatePasswordReset(Run.Valid(CreatePasswordResetRequest.Create(user.Email))));
        Assert.StartsWith("password_reset_", created.Id);
        Assert.Equal(user.Id, created.UserId);
        Assert.Equal(user.Email, created.Email);
        Assert.False(created.PasswordResetToken.IsEmpty);
        Assert.Contains("token=" + created.PasswordResetToken.Reveal(), created.PasswordResetUrl.Reveal());
        Assert.Equal(TimeSpan.FromMinutes(60), Ts(created.ExpiresAt) - Ts(created.CreatedAt));

        var fetched = await Run.Succ(Client.GetPasswordReset(Run.Valid(GetPasswordResetRequest.Create(created.Id))));
        Assert.Equal(created, fetched);

        var reset = Run.Valid(ResetPasswordRequest.Create(created.PasswordResetToken.Reveal(), "a-brand-new-password"));
        var answer = await Run.Succ(Client.ResetPassword(reset));
        Assert.Equal(user.Id, answer.User.Id);
        Assert.True(answer.User.EmailVerified);

        var after = await Run.Succ(Client.GetUser(Run.Valid(GetUserRequest.Create(user.Id))));
        Assert.True(after.EmailVerified);

        var reuse = Assert.IsType<ApiError>(await Run.Fail(Client.ResetPassword(reset)));
        Assert.Equal(400, reuse.Status);
        Assert.Equal("password_reset_token_invalid", reuse.ErrorCode);
    }

    [Fact]
    public async Task CreatePasswordReset_for_an_unknown_email_is_a_404()
    {
        var error = Assert.IsType<ApiError>(await Run.Fail(Client.CreatePasswordReset(Run.Valid(CreatePasswordResetRequest.Create(EmulatorFixture.NewEmail("ghost"))))));
        Assert.Equal(404, error.Status);
        Assert.Equal("entity_not_found", error.ErrorCode);
    }

    [Fact]
    public async Task ResetPassword_with_a_too_short_password_is_a_422_naming_new_password()
    {
        var user = await NewUser("short");
        var created = await Run.Succ(Client.CreatePasswordReset(Run.Valid(CreatePasswordResetRequest.Create(user.Email))));
        var error = Assert.IsType<ApiError>(await Run.Fail(Client.ResetPassword(Run.Valid(ResetPasswordRequest.Create(created.PasswordResetToken.Reveal(), "short")))));
        Assert.Equal(422, error.Status);
        Assert.Equal("invalid_request_parameters", error.ErrorCode);
        Assert.Contains(error.FieldErrors, static f => f.Field == "new_password");
    }

#pragma warning disable CS0618 // the deprecated operations are exercised on purpose
    [Fact]
    public async Task SendPasswordResetEmail_succeeds_for_a_known_email_and_is_a_404_for_an_unknown_one()
    {
        var user = await NewUser("sendreset");
        var ok = await Run.Succ(Client.SendPasswordResetEmail(Run.Valid(SendPasswordResetEmailRequest.Create(user.Email, "https://app.example/reset"))));
        Assert.Equal(unit, ok);

        var error = Assert.IsType<ApiError>(await Run.Fail(Client.SendPasswordResetEmail(
            Run.Valid(SendPasswordResetEmailRequest.Create(EmulatorFixture.NewEmail("ghost"), "https://app.example/reset")))));
        Assert.Equal(404, error.Status);
        Assert.Equal("entity_not_found", error.ErrorCode);
    }

    [Fact]
    public async Task SendMagicAuthCode_issues_a_code_for_the_user()
    {
        var user = await NewUser("sendmagic");
        var ok = await Run.Succ(Client.SendMagicAuthCode(Run.Valid(SendMagicAuthCodeRequest.Create(user.Email))));
        Assert.Equal(unit, ok);

        var (id, code) = await EmulatorBackdoor.LatestMagicAuth(emu, user.Id);
        var magic = await Run.Succ(Client.GetMagicAuth(Run.Valid(GetMagicAuthRequest.Create(id))));
        Assert.Equal(user.Id, magic.UserId);
        Assert.Equal(code, magic.Code.Reveal());
    }
#pragma warning restore CS0618

    // ------------------------------------------------------------------ magic auth

    [Fact]
    public async Task CreateMagicAuth_then_GetMagicAuth_returns_the_same_code()
    {
        var user = await NewUser("magic");
        var created = await Run.Succ(Client.CreateMagicAuth(Run.Valid(CreateMagicAuthRequest.Create(user.Email))));
        Assert.StartsWith("magic_auth_", created.Id);
        Assert.Equal(user.Id, created.UserId);
        Assert.Equal(user.Email, created.Email);
        Assert.Matches("^[0-9]{6}$", created.Code.Reveal());
        Assert.Equal(TimeSpan.FromMinutes(10), Ts(created.ExpiresAt) - Ts(created.CreatedAt));

        var fetched = await Run.Succ(Client.GetMagicAuth(Run.Valid(GetMagicAuthRequest.Create(created.Id))));
        Assert.Equal(created, fetched);
        Assert.Equal(created.Code, fetched.Code);
    }

    [Fact]
    public async Task CreateMagicAuth_for_an_unknown_email_creates_an_unverified_user()
    {
        var email = EmulatorFixture.NewEmail("newmagic");
        var created = await Run.Succ(Client.CreateMagicAuth(Run.Valid(CreateMagicAuthRequest.Create(email))));
        var user = await Run.Succ(Client.GetUser(Run.Valid(GetUserRequest.Create(created.UserId))));
        Assert.Equal(email, user.Email);
        Assert.False(user.EmailVerified);

        var listed = await Run.Succ(Client.ListUsers(Run.Valid(ListUsersRequest.Create(email: email))));
        Assert.Equal(created.UserId, Assert.Single(listed.Data).Id);
    }

    [Fact]
    public async Task GetMagicAuth_of_an_unknown_id_is_a_404()
    {
        var error = Assert.IsType<ApiError>(await Run.Fail(Client.GetMagicAuth(Run.Valid(GetMagicAuthRequest.Create("magic_auth_nope")))));
        Assert.Equal(404, error.Status);
        Assert.Equal("entity_not_found", error.ErrorCode);
    }

    // ------------------------------------------------------------------ auth factors

    [Fact]
    public async Task EnrollAuthFactor_then_ListAuthFactors_then_ChallengeAuthFactor()
    {
        var user = await NewUser("totp", verified: true);
        var enrolled = await Run.Succ(Client.EnrollAuthFactor(Run.Valid(EnrollAuthFactorRequest.Create(user.Id, totpIssuer: "Acme App", totpUser: user.Email))));

        var factor = enrolled.Factor;
        Assert.StartsWith("auth_factor_", factor.Id);
        Assert.Equal(FactorType.Totp, factor.Type);
        Assert.Equal(Some(user.Id), factor.UserId);
        var totp = factor.Totp.IfNone(() => throw new Xunit.Sdk.XunitException("enrollment carries totp details"));
        var secret = totp.Secret.Map(static s => s.Reveal()).IfNone("");
        Assert.Matches("^[A-Z2-7]+=*$", secret);
        Assert.StartsWith("otpauth://totp/", totp.Uri.Map(static s => s.Reveal()).IfNone(""));
        Assert.Contains("secret=" + secret, totp.Uri.Map(static s => s.Reveal()).IfNone(""));
        Assert.StartsWith("data:image/", totp.QrCode.Map(static s => s.Reveal()).IfNone("")); // PNG per spec: see the skipped test below
        Assert.Equal(Some("Acme App"), totp.Issuer);
        Assert.Equal(Some(user.Email), totp.User);
        Assert.Equal(secret, await EmulatorBackdoor.TotpSecret(emu, factor.Id));

        Assert.StartsWith("auth_challenge_", enrolled.Challenge.Id);
        Assert.Equal(factor.Id, enrolled.Challenge.AuthenticationFactorId);
        Assert.True(enrolled.Challenge.ExpiresAt.IsSome);

        var listed = await Run.Succ(Client.ListAuthFactors(Run.Valid(ListAuthFactorsRequest.Create(user.Id))));
        var only = Assert.Single(listed.Data);
        Assert.Equal(factor.Id, only.Id);
        Assert.Equal(FactorType.Totp, only.Type);
        Assert.True(only.Totp.Bind(static t => t.Secret).IsNone, "the secret is only in the enrollment answer");
        Assert.True(only.Totp.Bind(static t => t.Uri).IsNone);
        Assert.True(only.Totp.Bind(static t => t.QrCode).IsNone);

        var challenge = await Run.Succ(Client.ChallengeAuthFactor(Run.Valid(ChallengeAuthFactorRequest.Create(factor.Id))));
        Assert.StartsWith("auth_challenge_", challenge.Id);
        Assert.NotEqual(enrolled.Challenge.Id, challenge.Id);
        Assert.Equal(factor.Id, challenge.AuthenticationFactorId);
        Assert.Equal(TimeSpan.FromMinutes(5), Ts(challenge.ExpiresAt.IfNone("")) - Ts(challenge.CreatedAt));
    }

    [Fact]
    public async Task EnrollAuthFactor_imports_a_given_secret()
    {
        var user = await NewUser("import", verified: true);
        const string imported = "JBSWY3DPEHPK3PXP";
        var enrolled = await Run.Succ(Client.EnrollAuthFactor(Run.Valid(EnrollAuthFactorRequest.Create(user.Id, FactorType.Totp, totpSecret: imported))));
        Assert.Equal(Some(imported), enrolled.Factor.Totp.Bind(static t => t.Secret).Map(static s => s.Reveal()));
        Assert.Equal(imported, await EmulatorBackdoor.TotpSecret(emu, enrolled.Factor.Id));
    }

    [Fact]
    public async Task A_user_without_factors_lists_none()
    {
        var user = await NewUser("nofactor");
        var listed = await Run.Succ(Client.ListAuthFactors(Run.Valid(ListAuthFactorsRequest.Create(user.Id))));
        Assert.Empty(listed.Data);
        Assert.True(listed.ListMetadata.After.IsNone);
    }

    [Fact]
    public async Task EnrollAuthFactor_for_an_unknown_user_and_ChallengeAuthFactor_for_an_unknown_factor_are_404s()
    {
        var enroll = Assert.IsType<ApiError>(await Run.Fail(Client.EnrollAuthFactor(Run.Valid(EnrollAuthFactorRequest.Create("user_nope")))));
        Assert.Equal(404, enroll.Status);
        Assert.Equal("entity_not_found", enroll.ErrorCode);

        var challenge = Assert.IsType<ApiError>(await Run.Fail(Client.ChallengeAuthFactor(Run.Valid(ChallengeAuthFactorRequest.Create("auth_factor_nope")))));
        Assert.Equal(404, challenge.Status);
        Assert.Equal("entity_not_found", challenge.ErrorCode);
    }

    [Fact]
    public void An_sms_factor_is_rejected_locally()
    {
        var error = Assert.IsType<InvalidRequest>(EnrollAuthFactorRequest.Create("user_plain", FactorType.Sms).Match(Left: static e => e, Right: static _ => null!));
        Assert.Equal(Seq1("type"), error.Fields);
    }
}

/// <summary>Code expiry: these tests move their own emulator's clock, so they have a fixture of their own.</summary>
public sealed class VerificationExpiryOnEmulatorTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private WorkOSClient Client => emu.Client;

    private Task<User> NewUser(string tag) =>
        Run.Succ(Client.CreateUser(Run.Valid(CreateUserRequest.Create(EmulatorFixture.NewEmail(tag), password: "long-enough-pw"))));

    [Fact]
    public async Task An_email_verification_code_expires_after_ten_minutes()
    {
        var user = await NewUser("expire");
        await Run.Succ(Client.SendVerificationEmail(Run.Valid(SendVerificationEmailRequest.Create(user.Id))));
        var (id, code) = await EmulatorBackdoor.LatestEmailVerification(emu, user.Id);
        var verification = await Run.Succ(Client.GetEmailVerification(Run.Valid(GetEmailVerificationRequest.Create(id))));

        emu.Clock.Advance(TimeSpan.FromMinutes(11));

        Assert.True(emu.Clock.GetUtcNow() > VerificationOnEmulatorTests.Ts(verification.ExpiresAt));
        var error = Assert.IsType<ApiError>(await Run.Fail(Client.VerifyEmail(Run.Valid(VerifyEmailRequest.Create(user.Id, code)))));
        Assert.Equal(400, error.Status);
        Assert.Equal("expired_code", error.ErrorCode);

        var fetched = await Run.Succ(Client.GetUser(Run.Valid(GetUserRequest.Create(user.Id))));
        Assert.False(fetched.EmailVerified);
    }

    [Fact]
    public async Task A_password_reset_token_expires_after_an_hour()
    {
        var user = await NewUser("resetexpire");
        var created = await Run.Succ(Client.CreatePasswordReset(Run.Valid(CreatePasswordResetRequest.Create(user.Email))));

        emu.Clock.Advance(TimeSpan.FromMinutes(61));

        var error = Assert.IsType<ApiError>(await Run.Fail(Client.ResetPassword(Run.Valid(ResetPasswordRequest.Create(created.PasswordResetToken.Reveal(), "a-brand-new-password")))));
        Assert.Equal(400, error.Status);
        Assert.Equal("password_reset_token_expired", error.ErrorCode);
    }

    [Fact]
    public async Task A_magic_auth_code_reports_the_expiry_of_the_clock_it_was_issued_on()
    {
        var before = emu.Clock.GetUtcNow();
        var user = await NewUser("magicexpire");
        var created = await Run.Succ(Client.CreateMagicAuth(Run.Valid(CreateMagicAuthRequest.Create(user.Email))));
        var expiresAt = VerificationOnEmulatorTests.Ts(created.ExpiresAt);
        Assert.InRange(expiresAt, before.AddMinutes(10).AddSeconds(-1), emu.Clock.GetUtcNow().AddMinutes(10).AddSeconds(1));

        emu.Clock.Advance(TimeSpan.FromMinutes(11));

        // Still readable after expiry, unchanged: the expiry is only enforced by the magic-auth grant.
        var fetched = await Run.Succ(Client.GetMagicAuth(Run.Valid(GetMagicAuthRequest.Create(created.Id))));
        Assert.Equal(created.ExpiresAt, fetched.ExpiresAt);
        Assert.True(emu.Clock.GetUtcNow() > VerificationOnEmulatorTests.Ts(fetched.ExpiresAt));
    }
}
