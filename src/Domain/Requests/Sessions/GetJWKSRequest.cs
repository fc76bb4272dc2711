namespace WorkOS.Functional;

/// <summary>Validated input of <c>GetJWKS</c> (<c>GET /sso/jwks/{client_id}</c>): the keys that sign a client's access tokens.</summary>
public sealed record GetJWKSRequest
{
    private GetJWKSRequest(string clientId) => ClientId = clientId;

    /// <summary>The WorkOS client ID whose signing keys are wanted.</summary>
    public string ClientId { get; }

    /// <summary>Validates: <c>client_id</c> non-blank (Go's message <c>clientID must not be blank</c>).</summary>
    /// <param name="clientId">The WorkOS client ID.</param>
    public static Either<Error, GetJWKSRequest> Create(string? clientId) =>
        Rules.Check(!string.IsNullOrWhiteSpace(clientId), "client_id", "clientID must not be blank")
            .Map(_ => new GetJWKSRequest(clientId!))
            .ToRequest();
}
