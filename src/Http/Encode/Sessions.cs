namespace WorkOS.Functional.Http;

public static partial class Encode
{
    /// <summary>
    /// <c>GET /sso/jwks/{client_id}</c> without an <c>Authorization</c> header: the endpoint is public (spec next §1,
    /// <c>security: []</c>), so a key-less public client can verify tokens too.
    /// </summary>
    public static HttpRequestSpec GetJWKS(GetJWKSRequest r) =>
        new(HttpMethod.Get, Seq("sso", "jwks", r.ClientId), Seq<(string, string)>(), None, Auth.None);
}
