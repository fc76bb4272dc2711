using System.Globalization;
using Polly.Timeout;

namespace WorkOS.Functional.Properties;

/// <summary>Retry-After parsing, the retry rule, and the local rules that refuse hostile IDs, base URLs, keys and redirect URLs.</summary>
public sealed class RetryAfterProperties
{
    private static RateLimited Limited(params (string, string)[] headers) =>
        Assert.IsType<RateLimited>(Decode.Error(T.Json(429, """{"message":"slow down"}""", headers)));

    [Theory]
    [InlineData("1000000000000")]
    [InlineData("922337203686")]
    [InlineData("99999999999999999999999999999999999999999")]
    public void Absurdly_large_seconds_are_RateLimited_with_the_longest_wait_never_an_overflow(string header) =>
        Assert.Equal(Some(TimeSpan.MaxValue), Limited(("Retry-After", header)).RetryAfter);

    [Theory]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("soon")]
    [InlineData("")]
    [InlineData("Mon, 99 Foo 2026 25:61:61 GMT")]
    public void Negative_fractional_or_garbage_values_are_RateLimited_without_a_wait(string header) =>
        Assert.True(Limited(("Retry-After", header)).RetryAfter.IsNone);

    [Property]
    public Property Any_delta_seconds_gives_RateLimited_with_that_many_seconds_or_the_cap() =>
        Prop.ForAll(Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(Gen.Elements("0123456789".ToCharArray()), n)).Select(static cs => new string(cs)).ToArbitrary(), digits =>
        {
            var wait = Limited(("Retry-After", digits)).RetryAfter;
            var seconds = System.Numerics.BigInteger.Parse(digits, CultureInfo.InvariantCulture);
            return seconds < 922_337_203_685
                ? wait == Some(TimeSpan.FromSeconds((long)seconds))
                : wait == Some(TimeSpan.MaxValue);
        });

    /// <summary>Issue 16: an HTTP date before the answer's <c>Date</c> is zero, never negative; after it, the difference.</summary>
    [Property]
    public Property An_http_date_is_relative_to_the_answer_s_Date_and_never_negative() =>
        Prop.ForAll(Gen.Choose(0, 2_000_000_000).ToArbitrary(), Gen.Choose(-86_400, 86_400).ToArbitrary(), (epoch, offset) =>
        {
            var date = DateTimeOffset.FromUnixTimeSeconds(epoch);
            var wait = Limited(("Date", date.ToString("r", CultureInfo.InvariantCulture)),
                ("Retry-After", date.AddSeconds(offset).ToString("r", CultureInfo.InvariantCulture))).RetryAfter;
            return (wait == Some(TimeSpan.FromSeconds(Math.Max(0, offset)))).Label($"offset {offset}: {wait}");
        });

    [Fact]
    public void An_http_date_in_the_past_is_zero() =>
        Assert.Equal(Some(TimeSpan.Zero), Limited(("Date", "Wed, 21 Oct 2026 07:28:00 GMT"), ("Retry-After", "Wed, 21 Oct 2026 07:27:00 GMT")).RetryAfter);
}

public sealed class RetryRuleProperties
{
    private static readonly HttpMethod[] Idempotent = [HttpMethod.Get, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Head];
    private static readonly HttpMethod[] Unsafe = [HttpMethod.Post, HttpMethod.Patch];

    private static Gen<string> ApiPath => Gen.Elements("/user_management/users", "/user_management/users/user_1", "/user_management/invitations/inv_1/revoke",
        "/auth/factors/f_1/challenge", "/user_management/organization_memberships/om_1/deactivate");

    [Property]
    public Property Authenticate_is_never_retried_whatever_the_failure() =>
        Prop.ForAll(Gen.Elements([.. Idempotent, .. Unsafe]).ToArbitrary(), Gen.Choose(100, 599).ToArbitrary(), Gen.Elements("", "/").ToArbitrary(), (method, status, slash) =>
            !WorkOSResilience.ShouldRetry(method, "/user_management/authenticate" + slash, status, null)
            && !WorkOSResilience.ShouldRetry(method, "/user_management/authenticate" + slash, null,
                new HttpRequestException(HttpRequestError.ConnectionError, "refused")));

    [Property]
    public Property Idempotent_methods_retry_exactly_on_408_429_500_502_503_504() =>
        Prop.ForAll(Gen.Elements(Idempotent).ToArbitrary(), ApiPath.ToArbitrary(), Gen.Choose(100, 599).ToArbitrary(), (method, path, status) =>
            WorkOSResilience.ShouldRetry(method, path, status, null) == status is 408 or 429 or 500 or 502 or 503 or 504);

    [Property]
    public Property A_POST_is_retried_only_on_429() =>
        Prop.ForAll(Gen.Elements(Unsafe).ToArbitrary(), ApiPath.ToArbitrary(), Gen.Choose(100, 599).ToArbitrary(), (method, path, status) =>
            WorkOSResilience.ShouldRetry(method, path, status, null) == (status == 429));

    [Fact]
    public void Without_an_answer_a_POST_is_retried_only_when_no_connection_was_made()
    {
        const string path = "/user_management/users";
        Assert.True(WorkOSResilience.ShouldRetry(HttpMethod.Post, path, null, new HttpRequestException(HttpRequestError.ConnectionError, "refused")));
        Assert.False(WorkOSResilience.ShouldRetry(HttpMethod.Post, path, null, new HttpRequestException(HttpRequestError.ResponseEnded, "dropped")));
        Assert.False(WorkOSResilience.ShouldRetry(HttpMethod.Post, path, null, new TimeoutRejectedException()));
        Assert.True(WorkOSResilience.ShouldRetry(HttpMethod.Get, path, null, new HttpRequestException(HttpRequestError.ResponseEnded, "dropped")));
        Assert.True(WorkOSResilience.ShouldRetry(HttpMethod.Get, path, null, new TimeoutRejectedException()));
        Assert.False(WorkOSResilience.ShouldRetry(HttpMethod.Get, path, null, new OperationCanceledException()));
    }
}

public sealed class HostileInputProperties
{
    /// <summary>Every request whose ID is a path segment, with the wire name of that ID.</summary>
    public static TheoryData<string, string> PathIdRequests() => new()
    {
        { "GetUser", "user_id" }, { "GetUserByExternalID", "external_id" }, { "DeleteUser", "user_id" }, { "ListIdentities", "user_id" },
        { "UpdateUser", "user_id" }, { "GetEmailVerification", "email_verification_id" }, { "SendVerificationEmail", "user_id" },
        { "VerifyEmail", "user_id" }, { "GetPasswordReset", "password_reset_id" }, { "GetMagicAuth", "magic_auth_id" },
        { "EnrollAuthFactor", "user_id" }, { "ListAuthFactors", "user_id" }, { "ChallengeAuthFactor", "authentication_factor_id" },
        { "GetOrganizationMembership", "organization_membership_id" }, { "DeleteOrganizationMembership", "organization_membership_id" },
        { "DeactivateOrganizationMembership", "organization_membership_id" }, { "ReactivateOrganizationMembership", "organization_membership_id" },
        { "UpdateOrganizationMembership", "organization_membership_id" }, { "GetInvitation", "invitation_id" },
        { "RevokeInvitation", "invitation_id" }, { "ResendInvitation", "invitation_id" }, { "FindInvitationByToken", "invitation_token" },
    };

    private static Either<Error, object> Make(string operation, string id) => operation switch
    {
        "GetUser" => GetUserRequest.Create(id).Map(static r => (object)r),
        "GetUserByExternalID" => GetUserByExternalIDRequest.Create(id).Map(static r => (object)r),
        "DeleteUser" => DeleteUserRequest.Create(id).Map(static r => (object)r),
        "ListIdentities" => ListIdentitiesRequest.Create(id).Map(static r => (object)r),
        "UpdateUser" => UpdateUserRequest.Create(id, firstName: "Ana").Map(static r => (object)r),
        "GetEmailVerification" => GetEmailVerificationRequest.Create(id).Map(static r => (object)r),
        "SendVerificationEmail" => SendVerificationEmailRequest.Create(id).Map(static r => (object)r),
        "VerifyEmail" => VerifyEmailRequest.Create(id, "123456").Map(static r => (object)r),
        "GetPasswordReset" => GetPasswordResetRequest.Create(id).Map(static r => (object)r),
        "GetMagicAuth" => GetMagicAuthRequest.Create(id).Map(static r => (object)r),
        "EnrollAuthFactor" => EnrollAuthFactorRequest.Create(id).Map(static r => (object)r),
        "ListAuthFactors" => ListAuthFactorsRequest.Create(id).Map(static r => (object)r),
        "ChallengeAuthFactor" => ChallengeAuthFactorRequest.Create(id).Map(static r => (object)r),
        "GetOrganizationMembership" => GetOrganizationMembershipRequest.Create(id).Map(static r => (object)r),
        "DeleteOrganizationMembership" => DeleteOrganizationMembershipRequest.Create(id).Map(static r => (object)r),
        "DeactivateOrganizationMembership" => DeactivateOrganizationMembershipRequest.Create(id).Map(static r => (object)r),
        "ReactivateOrganizationMembership" => ReactivateOrganizationMembershipRequest.Create(id).Map(static r => (object)r),
        "UpdateOrganizationMembership" => UpdateOrganizationMembershipRequest.Create(id, roleSlug: "admin").Map(static r => (object)r),
        "GetInvitation" => GetInvitationRequest.Create(id).Map(static r => (object)r),
        "RevokeInvitation" => RevokeInvitationRequest.Create(id).Map(static r => (object)r),
        "ResendInvitation" => ResendInvitationRequest.Create(id).Map(static r => (object)r),
        "FindInvitationByToken" => FindInvitationByTokenRequest.Create(id).Map(static r => (object)r),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    [Theory]
    [MemberData(nameof(PathIdRequests))]
    public void Dot_segment_ids_are_InvalidRequest_naming_the_id(string operation, string field)
    {
        Assert.Equal(Seq1(field), T.Fields(Make(operation, ".")));
        Assert.Equal(Seq1(field), T.Fields(Make(operation, "..")));
        Assert.True(Make(operation, "...").IsRight);
        Assert.True(Make(operation, "user_01H").IsRight);
    }

    [Property]
    public Property Any_other_id_is_exactly_one_escaped_segment() =>
        Prop.ForAll(WorkOSValues.AnyText.Where(static s => !string.IsNullOrWhiteSpace(s) && s is not ("." or "..")).ToArbitrary(), id =>
        {
            var spec = Encode.GetUser(T.Valid(GetUserRequest.Create(id)), T.Key);
            var rendered = spec.RenderPath();
            return rendered == "/user_management/users/" + Uri.EscapeDataString(id)
                && rendered.Count(static c => c == '/') == 3
                && Uri.UnescapeDataString(rendered["/user_management/users/".Length..]) == id;
        });

    [Theory]
    [InlineData("https://api.workos.com?x=1", "cannot have a query")]
    [InlineData("https://api.workos.com/?", "cannot have a query")]
    [InlineData("https://api.workos.com#frag", "cannot have a fragment")]
    [InlineData("https://user:pw@api.workos.com", "cannot have user info")]
    [InlineData("http://api.workos.com", "must be https (http only on a loopback host, or with AllowInsecureHttp)")]
    [InlineData("http://10.0.0.5:8080", "must be https (http only on a loopback host, or with AllowInsecureHttp)")]
    [InlineData("ftp://api.workos.com", "must be an absolute http or https URL")]
    [InlineData("/relative", "must be an absolute http or https URL")]
    public void Hostile_base_urls_are_refused(string baseUrl, string message) =>
        Assert.Equal(Seq1(new FieldProblem("base_url", message)),
            Assert.IsType<InvalidRequest>(WorkOSClient.Create("sk_test", baseUrl).Match(static _ => Error.New("accepted"), static e => e)).Problems);

    [Theory]
    [InlineData("http://127.0.0.1:4100")]
    [InlineData("http://localhost:4100/")]
    [InlineData("http://[::1]:4100")]
    [InlineData("https://api.workos.com/")]
    [InlineData("https://proxy.example/workos")]
    public void Https_and_loopback_http_base_urls_are_accepted(string baseUrl) =>
        Assert.True(WorkOSClient.Create("sk_test", baseUrl).IsRight);

    [Fact]
    public void Plain_http_off_loopback_needs_the_explicit_opt_in() =>
        Assert.Equal("http://workos.internal:8080/",
            T.Valid(WorkOSClient.Create("sk_test", WorkOSHttpOptions.Default with { AllowInsecureHttp = true }, "http://workos.internal:8080")).BaseUrl.ToString());

    [Property]
    public Property An_api_key_with_a_control_character_is_refused_without_echoing_it() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), Gen.Elements('\r', '\n', '\0', '\t', '\u007f', '\u0085').ToArbitrary(), Gen.Choose(0, 12).ToArbitrary(), (key, control, at) =>
        {
            var hostile = key.Insert(at, control.ToString());
            var error = WorkOSClient.Create(hostile, "https://api.workos.com").Match(static _ => Error.New("accepted"), static e => e);
            return error is InvalidRequest ir && ir.Fields == Seq1("api_key") && !ir.Message.Contains(key[at..]);
        });

    [Property]
    public Property A_redirect_uri_or_return_to_that_is_not_absolute_http_is_refused() =>
        Prop.ForAll(Gen.OneOf(WorkOSValues.AnyText.Where(static s => !Uri.TryCreate(s, UriKind.Absolute, out _)),
                Gen.Elements("javascript:alert(1)", "ftp://x.example/cb", "//evil.example/cb", "/callback", "myapp://cb", "data:text/html,x")).ToArbitrary(),
            bad =>
                T.Fields(GetAuthorizationURLRequest.Create("client_1", bad, provider: Provider.AuthKit)) == Seq1("redirect_uri")
                && T.Fields(GetLogoutURLRequest.Create("session_1", bad)) == Seq1("return_to"));

    [Fact]
    public void A_blank_redirect_uri_keeps_Go_s_message() =>
        Assert.Equal(Seq1(new FieldProblem("redirect_uri", GetAuthorizationURLRequest.MissingRedirectUri)),
            Assert.IsType<InvalidRequest>(GetAuthorizationURLRequest.Create("client_1", " ", provider: Provider.AuthKit).Match(static _ => Error.New("x"), static e => e)).Problems);
}
