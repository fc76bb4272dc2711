namespace WorkOS.Functional;

public sealed partial class WorkOSClient
{
    /// <summary>
    /// Fetches the keys that sign this client ID's access tokens (<c>GET /sso/jwks/{client_id}</c>, no API key sent).
    /// Keys rotate: <see cref="Sessions.AccessTokenVerifier"/> caches them and re-fetches on an unknown <c>kid</c>.
    /// </summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<Jwks> GetJWKS(GetJWKSRequest request, CancellationToken ct = default) =>
        Call(Encode.GetJWKS(request), Decode.Jwks, ct);
}
