using V = WorkOS.Functional.FsCheck.WorkOSValues;

namespace WorkOS.Functional.FsCheck;

public static partial class WorkOSGen
{
    /// <summary>The optional IP address and user agent every grant forwards: unset, empty or any text.</summary>
    private static Gen<(string? Ip, string? Ua)> Forwarded =>
        from ip in Gen.OneOf(V.MaybeText, Gen.Elements<string?>("203.0.113.7", "2001:db8::1"))
        from ua in V.MaybeText
        select (ip, ua);

    /// <summary>An optional ID added after Go v6.3 (<c>device_id</c>, <c>signals_id</c>, <c>radar_auth_attempt_id</c>): unset, empty or any non-blank text.</summary>
    private static Gen<string?> MaybeNonBlank => Gen.OneOf(Gen.Elements<string?>(null, ""), V.Text.Select(static s => (string?)s));

    /// <summary>
    /// The optional keys that the v6.3 grants added (added after Go v6.3), each unset or set: the invitation token (a secret),
    /// the device ID, the Radar signals ID and the Radar authentication attempt ID.
    /// </summary>
    private static Gen<(string? Invitation, string? Device, string? Signals, string? Radar)> Extras =>
        from invitation in V.MaybeSecret
        from device in MaybeNonBlank
        from signals in MaybeNonBlank
        from radar in MaybeNonBlank
        select (invitation, device, signals, radar);

    /// <summary>
    /// <see cref="AuthenticateWithPasswordRequest"/>, each optional key added after Go v6.3 set or not; broken in <c>client_id</c>
    /// (blank), <c>email</c> (blank or not an address), <c>password</c> (blank) or one of <c>invitation_token</c>,
    /// <c>device_id</c>, <c>signals_id</c> and <c>radar_auth_attempt_id</c> (white space only).
    /// </summary>
    public static RequestGen<AuthenticateWithPasswordRequest> AuthenticateWithPassword { get; } =
        new Spec<(string? ClientId, string? Email, string? Password, (string? Ip, string? Ua) F,
            (string? Invitation, string? Device, string? Signals, string? Radar) X), AuthenticateWithPasswordRequest>(
            "AuthenticateWithPassword",
            from client in V.Text
            from email in V.Email
            from password in V.SecretValue
            from f in Forwarded
            from x in Extras
            select ((string?)client, (string?)email, (string?)password, f, x),
            static a => AuthenticateWithPasswordRequest.Create(a.ClientId, a.Email, a.Password, a.F.Ip, a.F.Ua,
                a.X.Invitation, a.X.Device, a.X.Signals, a.X.Radar))
        .Break("client_id", Bads.Blank, static (a, v) => a with { ClientId = v })
        .Break("email", Bads.Email, static (a, v) => a with { Email = v })
        .BreakSecret("password", Bads.Blank, static (a, v) => a with { Password = v })
        .BreakSecret("invitation_token", Bads.WhiteSpace, static (a, v) => a with { X = a.X with { Invitation = v } })
        .Break("device_id", Bads.WhiteSpace, static (a, v) => a with { X = a.X with { Device = v } })
        .Break("signals_id", Bads.WhiteSpace, static (a, v) => a with { X = a.X with { Signals = v } })
        .Break("radar_auth_attempt_id", Bads.WhiteSpace, static (a, v) => a with { X = a.X with { Radar = v } })
        .Build();

    /// <summary>
    /// <see cref="AuthenticateWithCodeRequest"/>, with or without a PKCE verifier, each optional key added after Go v6.3 set or not;
    /// broken in <c>client_id</c> or <c>code</c> (blank) or one of <c>invitation_token</c>, <c>device_id</c> and
    /// <c>signals_id</c> (white space only).
    /// </summary>
    public static RequestGen<AuthenticateWithCodeRequest> AuthenticateWithCode { get; } =
        new Spec<(string? ClientId, string? Code, string? Verifier, (string? Ip, string? Ua) F,
            (string? Invitation, string? Device, string? Signals, string? Radar) X), AuthenticateWithCodeRequest>("AuthenticateWithCode",
            from client in V.Text
            from code in V.SecretValue
            from verifier in V.MaybeSecret
            from f in Forwarded
            from x in Extras
            select ((string?)client, (string?)code, verifier, f, x),
            static a => AuthenticateWithCodeRequest.Create(a.ClientId, a.Code, a.Verifier, a.F.Ip, a.F.Ua, a.X.Invitation, a.X.Device, a.X.Signals))
        .Break("client_id", Bads.Blank, static (a, v) => a with { ClientId = v })
        .BreakSecret("code", Bads.Blank, static (a, v) => a with { Code = v })
        .BreakSecret("invitation_token", Bads.WhiteSpace, static (a, v) => a with { X = a.X with { Invitation = v } })
        .Break("device_id", Bads.WhiteSpace, static (a, v) => a with { X = a.X with { Device = v } })
        .Break("signals_id", Bads.WhiteSpace, static (a, v) => a with { X = a.X with { Signals = v } })
        .Build();

    /// <summary>
    /// <see cref="AuthenticateWithRefreshTokenRequest"/>, with or without an organization and a device ID; broken in
    /// <c>client_id</c> or <c>refresh_token</c> (blank) or <c>device_id</c> (white space only).
    /// </summary>
    public static RequestGen<AuthenticateWithRefreshTokenRequest> AuthenticateWithRefreshToken { get; } =
        new Spec<(string? ClientId, Secret? Token, string? Org, (string? Ip, string? Ua) F, string? Device), AuthenticateWithRefreshTokenRequest>(
            "AuthenticateWithRefreshToken",
            from client in V.Text
            from token in V.SecretValue
            from org in V.MaybeId("org_")
            from f in Forwarded
            from device in MaybeNonBlank
            select ((string?)client, (Secret?)Secret.Of(token), org, f, device),
            static a => AuthenticateWithRefreshTokenRequest.Create(a.ClientId, a.Token, a.Org, a.F.Ip, a.F.Ua, a.Device))
        .Break("client_id", Bads.Blank, static (a, v) => a with { ClientId = v })
        .BreakSecret("refresh_token", Bads.BlankSecret, static (a, v) => a with { Token = v })
        .Break("device_id", Bads.WhiteSpace, static (a, v) => a with { Device = v })
        .Build();

    /// <summary>
    /// <see cref="AuthenticateWithMagicAuthRequest"/>, with or without a link authorization code, each optional key
    /// added after Go v6.3 set or not; broken in <c>client_id</c>, <c>code</c> or <c>email</c>, or one of <c>invitation_token</c>,
    /// <c>device_id</c> and <c>radar_auth_attempt_id</c> (white space only).
    /// </summary>
    public static RequestGen<AuthenticateWithMagicAuthRequest> AuthenticateWithMagicAuth { get; } =
        new Spec<(string? ClientId, string? Code, string? Email, string? Link, (string? Ip, string? Ua) F,
            (string? Invitation, string? Device, string? Signals, string? Radar) X), AuthenticateWithMagicAuthRequest>(
            "AuthenticateWithMagicAuth",
            from client in V.Text
            from code in V.SecretValue
            from email in V.Email
            from link in V.MaybeSecret
            from f in Forwarded
            from x in Extras
            select ((string?)client, (string?)code, (string?)email, link, f, x),
            static a => AuthenticateWithMagicAuthRequest.Create(a.ClientId, a.Code, a.Email, a.Link, a.F.Ip, a.F.Ua, a.X.Invitation, a.X.Device, a.X.Radar))
        .Break("client_id", Bads.Blank, static (a, v) => a with { ClientId = v })
        .BreakSecret("code", Bads.Blank, static (a, v) => a with { Code = v })
        .Break("email", Bads.Email, static (a, v) => a with { Email = v })
        .BreakSecret("invitation_token", Bads.WhiteSpace, static (a, v) => a with { X = a.X with { Invitation = v } })
        .Break("device_id", Bads.WhiteSpace, static (a, v) => a with { X = a.X with { Device = v } })
        .Break("radar_auth_attempt_id", Bads.WhiteSpace, static (a, v) => a with { X = a.X with { Radar = v } })
        .Build();

    /// <summary>
    /// <see cref="AuthenticateWithTOTPRequest"/>; broken in <c>client_id</c>, <c>code</c>,
    /// <c>pending_authentication_token</c> or <c>authentication_challenge_id</c> (blank), or <c>device_id</c> (white space only).
    /// </summary>
    public static RequestGen<AuthenticateWithTOTPRequest> AuthenticateWithTOTP { get; } =
        new Spec<(string? ClientId, string? Code, Secret? Pending, string? Challenge, (string? Ip, string? Ua) F, string? Device), AuthenticateWithTOTPRequest>(
            "AuthenticateWithTOTP",
            from client in V.Text
            from code in V.Token(6, 6)
            from pending in V.SecretValue
            from challenge in V.Id("auth_challenge_")
            from f in Forwarded
            from device in MaybeNonBlank
            select ((string?)client, (string?)code, (Secret?)Secret.Of(pending), (string?)challenge, f, device),
            static a => AuthenticateWithTOTPRequest.Create(a.ClientId, a.Code, a.Pending, a.Challenge, a.F.Ip, a.F.Ua, a.Device))
        .Break("client_id", Bads.Blank, static (a, v) => a with { ClientId = v })
        .BreakSecret("code", Bads.Blank, static (a, v) => a with { Code = v })
        .BreakSecret("pending_authentication_token", Bads.BlankSecret, static (a, v) => a with { Pending = v })
        .Break("authentication_challenge_id", Bads.Blank, static (a, v) => a with { Challenge = v })
        .Break("device_id", Bads.WhiteSpace, static (a, v) => a with { Device = v })
        .Build();

    /// <summary>
    /// <see cref="AuthenticateWithEmailVerificationCodeRequest"/>; broken in <c>client_id</c>, <c>code</c> or
    /// <c>pending_authentication_token</c> (blank), or <c>device_id</c> (white space only).
    /// </summary>
    public static RequestGen<AuthenticateWithEmailVerificationCodeRequest> AuthenticateWithEmailVerificationCode { get; } =
        new Spec<(string? ClientId, string? Code, Secret? Pending, (string? Ip, string? Ua) F, string? Device), AuthenticateWithEmailVerificationCodeRequest>(
            "AuthenticateWithEmailVerificationCode",
            from client in V.Text
            from code in V.Token(6, 6)
            from pending in V.SecretValue
            from f in Forwarded
            from device in MaybeNonBlank
            select ((string?)client, (string?)code, (Secret?)Secret.Of(pending), f, device),
            static a => AuthenticateWithEmailVerificationCodeRequest.Create(a.ClientId, a.Code, a.Pending, a.F.Ip, a.F.Ua, a.Device))
        .Break("client_id", Bads.Blank, static (a, v) => a with { ClientId = v })
        .BreakSecret("code", Bads.Blank, static (a, v) => a with { Code = v })
        .BreakSecret("pending_authentication_token", Bads.BlankSecret, static (a, v) => a with { Pending = v })
        .Break("device_id", Bads.WhiteSpace, static (a, v) => a with { Device = v })
        .Build();

    /// <summary>
    /// <see cref="AuthenticateWithOrganizationSelectionRequest"/>; broken in <c>client_id</c>,
    /// <c>pending_authentication_token</c> or <c>organization_id</c> (blank), or <c>device_id</c> (white space only).
    /// </summary>
    public static RequestGen<AuthenticateWithOrganizationSelectionRequest> AuthenticateWithOrganizationSelection { get; } =
        new Spec<(string? ClientId, Secret? Pending, string? Org, (string? Ip, string? Ua) F, string? Device), AuthenticateWithOrganizationSelectionRequest>(
            "AuthenticateWithOrganizationSelection",
            from client in V.Text
            from pending in V.SecretValue
            from org in V.Id("org_")
            from f in Forwarded
            from device in MaybeNonBlank
            select ((string?)client, (Secret?)Secret.Of(pending), (string?)org, f, device),
            static a => AuthenticateWithOrganizationSelectionRequest.Create(a.ClientId, a.Pending, a.Org, a.F.Ip, a.F.Ua, a.Device))
        .Break("client_id", Bads.Blank, static (a, v) => a with { ClientId = v })
        .BreakSecret("pending_authentication_token", Bads.BlankSecret, static (a, v) => a with { Pending = v })
        .Break("organization_id", Bads.Blank, static (a, v) => a with { Org = v })
        .Break("device_id", Bads.WhiteSpace, static (a, v) => a with { Device = v })
        .Build();

    /// <summary><see cref="RevokeSessionRequest"/>: any non-blank session ID; broken in <c>session_id</c> (blank).</summary>
    public static RequestGen<RevokeSessionRequest> RevokeSession { get; } =
        new Spec<string?, RevokeSessionRequest>("RevokeSession", V.Text.Select(static s => (string?)s), RevokeSessionRequest.Create)
            .Break("session_id", Bads.Blank, static (_, v) => v)
            .Build();

    /// <summary>
    /// <see cref="GetLogoutURLRequest"/>, with or without a <c>return_to</c> URL; broken in <c>session_id</c> (blank) or
    /// <c>return_to</c> (not an absolute http(s) URL).
    /// </summary>
    public static RequestGen<GetLogoutURLRequest> GetLogoutURL { get; } =
        new Spec<(string? SessionId, string? ReturnTo), GetLogoutURLRequest>("GetLogoutURL",
            from session in V.Id("session_")
            from back in Gen.OneOf(Gen.Elements<string?>(null, ""), V.HttpUrl.Select(static u => (string?)u))
            select ((string?)session, back),
            static a => GetLogoutURLRequest.Create(a.SessionId, a.ReturnTo))
        .Break("session_id", Bads.Blank, static (a, v) => a with { SessionId = v })
        .Break("return_to", Bads.OptionalUrl, static (a, v) => a with { ReturnTo = v })
        .Build();

    private static Gen<Provider> AnyProvider =>
        Gen.OneOf(Gen.Elements(Provider.AuthKit, Provider.AppleOAuth, Provider.GitHubOAuth, Provider.GoogleOAuth, Provider.MicrosoftOAuth),
            V.Token(3, 12).Select(static t => new Provider(t)));

    private sealed record AuthorizationArgs(string? ClientId, string? RedirectUri, Provider? Provider, string? ConnectionId, string? OrganizationId,
        string? CodeChallenge, string? CodeChallengeMethod, string? LoginHint, string? DomainHint, string? State, ScreenHint? ScreenHint,
        string[] Scopes, string? InvitationToken, int? MaxAge, string? Prompt, KeyValuePair<string, string>[] QueryParams);

    /// <summary>
    /// <see cref="GetAuthorizationURLRequest"/>: a provider, connection or organization (any combination, at least one),
    /// a screen hint only with AuthKit, <c>max_age</c> unset, 0, positive or <c>int.MaxValue</c>, every optional
    /// parameter set or not. Broken in <c>client_id</c>, <c>redirect_uri</c>, <c>provider</c> (none of provider,
    /// connection and organization), <c>screen_hint</c> (without AuthKit), <c>max_age</c> (negative) or
    /// <c>provider_query_params</c> (a blank key).
    /// </summary>
    public static RequestGen<GetAuthorizationURLRequest> GetAuthorizationURL { get; } =
        new Spec<AuthorizationArgs, GetAuthorizationURLRequest>("GetAuthorizationURL",
            from client in V.Text
            from redirect in V.HttpUrl
            from selector in Gen.Choose(1, 7)
            from provider in AnyProvider
            from connection in V.Id("conn_")
            from org in V.Id("org_")
            from challenge in V.MaybeText
            from method in Gen.Elements<string?>(null, "", "S256", "plain")
            from loginHint in Gen.OneOf(V.MaybeText, V.Email.Select(static e => (string?)e))
            from domainHint in V.MaybeText
            from state in V.MaybeText
            from hint in Gen.Elements<ScreenHint?>(null, ScreenHint.SignUp, ScreenHint.SignIn)
            from scopes in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(V.Token(1, 12), n))
            from invitation in V.MaybeSecret
            from maxAge in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Elements<int?>(0, 1, int.MaxValue)), (1, Gen.Choose(0, 86_400).Select(static n => (int?)n)))
            from prompt in Gen.OneOf(Gen.Elements<string?>(null, "", "login", "consent"), V.AnyText.Select(static p => (string?)p))
            from queryCount in Gen.Choose(0, 3)
            from keys in Gen.ArrayOf(V.Token(1, 10), queryCount)
            from values in Gen.ArrayOf(Gen.OneOf(V.AnyText, Gen.Constant("")), queryCount)
            let chosen = (selector & 1) != 0 ? provider : null
            select new AuthorizationArgs(client, redirect, chosen, (selector & 2) != 0 ? connection : null, (selector & 4) != 0 ? org : null,
                challenge, method, loginHint, domainHint, state, chosen == Provider.AuthKit ? hint : null, scopes, invitation, maxAge, prompt,
                keys.Zip(values, static (k, v) => new KeyValuePair<string, string>(k, v)).ToArray()),
            static a => GetAuthorizationURLRequest.Create(a.ClientId, a.RedirectUri, a.Provider, a.ConnectionId, a.OrganizationId, a.CodeChallenge,
                a.CodeChallengeMethod, a.LoginHint, a.DomainHint, a.State, a.ScreenHint, a.Scopes, a.InvitationToken, a.MaxAge, a.Prompt, a.QueryParams))
        .Break("client_id", Bads.Blank, static (a, v) => a with { ClientId = v })
        .Break("redirect_uri", Bads.Url, static (a, v) => a with { RedirectUri = v })
        .Break("provider",
            Gen.Elements<(Provider?, string?, string?)>((null, null, null), (new Provider(""), "", ""), (null, "", null))
                .Select(static v => new Bad<(Provider?, string?, string?)>(v, "missing, and no connection or organization either")),
            static (a, v) => a with { Provider = v.Item1, ConnectionId = v.Item2, OrganizationId = v.Item3, ScreenHint = null })
        .Break("screen_hint",
            from hint in Gen.Elements(ScreenHint.SignUp, ScreenHint.SignIn, new ScreenHint("other"))
            from provider in Gen.OneOf(AnyProvider.Where(static p => p != Provider.AuthKit).Select(static p => (Provider?)p), Gen.Constant<Provider?>(null))
            select new Bad<(ScreenHint, Provider?)>((hint, provider), "set without the authkit provider"),
            static (a, v) => a with { ScreenHint = v.Item1, Provider = v.Item2, ConnectionId = a.ConnectionId ?? "conn_kept" })
        .Break("max_age",
            Gen.OneOf(Gen.Elements(-1, int.MinValue), Gen.Choose(int.MinValue, -1)).Select(static n => new Bad<int?>(n, "negative")),
            static (a, v) => a with { MaxAge = v })
        .Break("provider_query_params",
            from key in V.Blank
            from value in V.AnyText
            select new Bad<KeyValuePair<string, string>>(new KeyValuePair<string, string>(key!, value), "with a blank key"),
            static (a, v) => a with { QueryParams = [.. a.QueryParams, v] })
        .Build();
}
