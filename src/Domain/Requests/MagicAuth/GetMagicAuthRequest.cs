namespace WorkOS.Functional;

/// <summary>Validated input of <c>GetMagicAuth</c> (spec §2.6 #25).</summary>
public sealed record GetMagicAuthRequest
{
    private GetMagicAuthRequest(string magicAuthId) => MagicAuthId = magicAuthId;

    /// <summary>The Magic Auth ID (<c>magic_auth_…</c>).</summary>
    public string MagicAuthId { get; }

    /// <summary>Validates: <c>magic_auth_id</c> non-blank.</summary>
    /// <param name="magicAuthId">The Magic Auth ID.</param>
    public static Either<Error, GetMagicAuthRequest> Create(string? magicAuthId) =>
        Rules.PathSegment("magic_auth_id", magicAuthId).Map(static id => new GetMagicAuthRequest(id)).ToRequest();
}
