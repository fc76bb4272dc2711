namespace WorkOS.Functional;

/// <summary>Validated input of <c>GetJWKS</c> (<c>GET /sso/jwks/{client_id}</c>): the keys that sign a client's access tokens.</summary>
public sealed record GetJWKSRequest
{
    private GetJWKSRequest(string clientId) => ClientId = clientId;

    /// <summary>The WorkOS client ID whose signing keys are wanted.</summary>
    public string ClientId { get; }

    /// <summary>
    /// Validates: <c>client_id</c> non-blank (Go's message <c>clientID must not be blank</c>) and not <c>.</c> or
    /// <c>..</c>, which would name another path.
    /// </summary>
    /// <param name="clientId">The WorkOS client ID.</param>
    public static Either<Error, GetJWKSRequest> Create(string? clientId) =>
        (string.IsNullOrWhiteSpace(clientId)
            ? Rules.Problem<string>("client_id", "clientID must not be blank")
            : Rules.PathSegment("client_id", clientId))
            .Map(static id => new GetJWKSRequest(id))
            .ToRequest();
}
