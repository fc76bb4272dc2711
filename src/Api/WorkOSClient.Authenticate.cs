namespace WorkOS.Functional;

public sealed partial class WorkOSClient
{
    /// <summary>
    /// Signs a user in with email and password (<c>POST /user_management/authenticate</c>, grant <c>password</c>).
    /// The API key travels as <c>client_secret</c> in the body; no <c>Authorization</c> header is sent.
    /// A step-up (email verification, MFA, organization selection, SSO…) fails the effect with its
    /// <see cref="AuthStepUp"/> case, carrying the pending token for the follow-up grant.
    /// </summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<AuthenticateResponse> AuthenticateWithPassword(AuthenticateWithPasswordRequest request, CancellationToken ct = default) =>
        Call(Encode.AuthenticateWithPassword(request, apiKey), Decode.AuthenticateResponse, ct);

    /// <summary>Exchanges an authorization code from the redirect for a session (grant <c>authorization_code</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<AuthenticateResponse> AuthenticateWithCode(AuthenticateWithCodeRequest request, CancellationToken ct = default) =>
        Call(Encode.AuthenticateWithCode(request, apiKey), Decode.AuthenticateResponse, ct);

    /// <summary>
    /// Rotates a session's tokens (grant <c>refresh_token</c>). Answers the full <see cref="AuthenticateResponse"/>
    /// the server sends: a superset of Go's <c>RefreshAuthenticationResponse</c>, which keeps only the two tokens.
    /// </summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<AuthenticateResponse> AuthenticateWithRefreshToken(AuthenticateWithRefreshTokenRequest request, CancellationToken ct = default) =>
        Call(Encode.AuthenticateWithRefreshToken(request, apiKey), Decode.AuthenticateResponse, ct);

    /// <summary>Signs a user in with an emailed magic-auth code (grant <c>urn:workos:oauth:grant-type:magic-auth:code</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<AuthenticateResponse> AuthenticateWithMagicAuth(AuthenticateWithMagicAuthRequest request, CancellationToken ct = default) =>
        Call(Encode.AuthenticateWithMagicAuth(request, apiKey), Decode.AuthenticateResponse, ct);

    /// <summary>Completes an MFA step-up with a TOTP code (grant <c>urn:workos:oauth:grant-type:mfa-totp</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<AuthenticateResponse> AuthenticateWithTOTP(AuthenticateWithTOTPRequest request, CancellationToken ct = default) =>
        Call(Encode.AuthenticateWithTOTP(request, apiKey), Decode.AuthenticateResponse, ct);

    /// <summary>Completes an email-verification step-up (grant <c>urn:workos:oauth:grant-type:email-verification:code</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<AuthenticateResponse> AuthenticateWithEmailVerificationCode(AuthenticateWithEmailVerificationCodeRequest request, CancellationToken ct = default) =>
        Call(Encode.AuthenticateWithEmailVerificationCode(request, apiKey), Decode.AuthenticateResponse, ct);

    /// <summary>Completes an organization-selection step-up (grant <c>urn:workos:oauth:grant-type:organization-selection</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<AuthenticateResponse> AuthenticateWithOrganizationSelection(AuthenticateWithOrganizationSelectionRequest request, CancellationToken ct = default) =>
        Call(Encode.AuthenticateWithOrganizationSelection(request, apiKey), Decode.AuthenticateResponse, ct);

    /// <summary>Revokes a session (<c>POST /user_management/sessions/revoke</c>); the success body is ignored.</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<Unit> RevokeSession(RevokeSessionRequest request, CancellationToken ct = default) =>
        Call(Encode.RevokeSession(request, apiKey), Decode.Nothing, ct);

    /// <summary>
    /// The URL to send a browser to for sign-in, under this client's <see cref="BaseUrl"/> (spec §2.3 #15).
    /// Pure: nothing is sent.
    /// </summary>
    /// <param name="request">The validated options.</param>
    public Either<Error, Uri> GetAuthorizationURL(GetAuthorizationURLRequest request) =>
        AuthenticationUrls.Authorization(BaseUrl, request);

    /// <summary>The URL to send a browser to for logout, under this client's <see cref="BaseUrl"/> (spec §2.3 #16). Pure.</summary>
    /// <param name="request">The validated options.</param>
    public Either<Error, Uri> GetLogoutURL(GetLogoutURLRequest request) =>
        AuthenticationUrls.Logout(BaseUrl, request);

    /// <summary>
    /// The JWKS URL that serves the keys signing this client ID's access tokens (spec §2.3 #17). Pure. A blank
    /// client ID is an <see cref="InvalidRequest"/> with Go's message <c>clientID must not be blank</c>.
    /// </summary>
    /// <param name="clientId">The WorkOS client ID.</param>
    public Either<Error, Uri> GetJWKSURL(string? clientId) =>
        AuthenticationUrls.Jwks(BaseUrl, clientId);
}
