namespace WorkOS.Functional;

public sealed partial class WorkOSClient
{
    /// <summary>
    /// Signs in with email and password and returns where the sign-in stands: <see cref="SignedIn"/> or a
    /// step-up value whose methods are the valid next steps. Errors other than step-ups fail the effect.
    /// </summary>
    /// <param name="request">The validated password grant.</param>
    /// <param name="ct">Cancels this grant and every follow-up grant of the steps.</param>
    public Aff<SignInStep> SignInWithPassword(AuthenticateWithPasswordRequest request, CancellationToken ct = default) =>
        new SignInContext(this, request.ClientId, request.IpAddress, request.UserAgent, ct).Next(AuthenticateWithPassword(request, ct));

    /// <summary>Signs in with a Magic Auth code; see <see cref="SignInWithPassword"/> for the result.</summary>
    /// <param name="request">The validated magic-auth grant.</param>
    /// <param name="ct">Cancels this grant and every follow-up grant of the steps.</param>
    public Aff<SignInStep> SignInWithMagicAuth(AuthenticateWithMagicAuthRequest request, CancellationToken ct = default) =>
        new SignInContext(this, request.ClientId, request.IpAddress, request.UserAgent, ct).Next(AuthenticateWithMagicAuth(request, ct));

    /// <summary>
    /// Exchanges the authorization code from the redirect (with the PKCE verifier, if one was used);
    /// see <see cref="SignInWithPassword"/> for the result.
    /// </summary>
    /// <param name="request">The validated code grant.</param>
    /// <param name="ct">Cancels this grant and every follow-up grant of the steps.</param>
    public Aff<SignInStep> SignInWithCode(AuthenticateWithCodeRequest request, CancellationToken ct = default) =>
        new SignInContext(this, request.ClientId, request.IpAddress, request.UserAgent, ct).Next(AuthenticateWithCode(request, ct));
}
