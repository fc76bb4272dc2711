namespace WorkOS.Functional;

public sealed partial class WorkOSClient
{
    /// <summary>Gets a Magic Auth code record by ID (<c>GET /user_management/magic_auth/{id}</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<MagicAuth> GetMagicAuth(GetMagicAuthRequest request, CancellationToken ct = default) =>
        Call(Encode.GetMagicAuth(request, apiKey), Decode.MagicAuth, ct);

    /// <summary>
    /// Creates a one-time Magic Auth code for an email (<c>POST /user_management/magic_auth</c>), creating the
    /// user if none exists, so the app can deliver it.
    /// </summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<MagicAuth> CreateMagicAuth(CreateMagicAuthRequest request, CancellationToken ct = default) =>
        Call(Encode.CreateMagicAuth(request, apiKey), Decode.MagicAuth, ct);

    /// <summary>
    /// Deprecated: asks WorkOS to email a Magic Auth code (<c>POST /user_management/magic_auth/send</c>).
    /// Any 2xx succeeds; its body is ignored.
    /// </summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    [Obsolete("SendMagicAuthCode is deprecated by WorkOS: use CreateMagicAuth instead.")]
    public Aff<Unit> SendMagicAuthCode(SendMagicAuthCodeRequest request, CancellationToken ct = default) =>
        Call(Encode.SendMagicAuthCode(request, apiKey), Decode.Nothing, ct);
}
