namespace WorkOS.Functional.Http;

public static partial class Decode
{
    /// <summary>A <see cref="WorkOS.Functional.MagicAuth"/> object; the code stays a secret.</summary>
    public static Either<Error, MagicAuth> MagicAuth(HttpResponseSpec r) =>
        Body<MagicAuthDto, MagicAuth>("MagicAuth", r, static d => d.ToDomain());
}

internal sealed class MagicAuthDto : IWireObject
{
    public string? Id { get; set; }
    public string? UserId { get; set; }
    public string? Email { get; set; }
    public string? ExpiresAt { get; set; }
    public string? Code { get; set; }
    public string? CreatedAt { get; set; }
    public string? UpdatedAt { get; set; }

    public Seq<string> Missing(string at) =>
        Wire.Missing(at, ("id", Id), ("user_id", UserId), ("email", Email), ("expires_at", ExpiresAt), ("code", Code), ("created_at", CreatedAt), ("updated_at", UpdatedAt));

    public MagicAuth ToDomain() =>
        new(Id ?? "", UserId ?? "", Email ?? "", ExpiresAt ?? "", Secret.Of(Code), CreatedAt ?? "", UpdatedAt ?? "");
}
