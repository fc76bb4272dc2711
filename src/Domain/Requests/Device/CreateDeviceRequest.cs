namespace WorkOS.Functional;

/// <summary>
/// Validated input of <c>CreateDevice</c> (<c>POST /user_management/authorize/device</c>, RFC 8628 §3.1): starts a
/// device sign-in for a public client (a CLI, a TV app). Sent without the API key.
/// </summary>
public sealed record CreateDeviceRequest
{
    private CreateDeviceRequest(string clientId) => ClientId = clientId;

    /// <summary>The WorkOS client ID.</summary>
    public string ClientId { get; }

    /// <summary>Validates: <c>client_id</c> non-blank.</summary>
    /// <param name="clientId">The WorkOS client ID.</param>
    public static Either<Error, CreateDeviceRequest> Create(string? clientId) =>
        Rules.Required("client_id", clientId).Map(static c => new CreateDeviceRequest(c)).ToRequest();
}
