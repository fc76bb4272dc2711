namespace WorkOS.Functional.Http;

public static partial class Decode
{
    /// <summary>A <see cref="WorkOS.Functional.PasswordReset"/> object; token and URL stay secrets.</summary>
    public static Either<Error, PasswordReset> PasswordReset(HttpResponseSpec r) =>
        Body<PasswordResetDto, PasswordReset>("PasswordReset", r, static d => d.ToDomain());
}

internal sealed class PasswordResetDto : IWireObject
{
    public string? Id { get; set; }
    public string? UserId { get; set; }
    public string? Email { get; set; }
    public string? PasswordResetToken { get; set; }
    public string? PasswordResetUrl { get; set; }
    public string? ExpiresAt { get; set; }
    public string? CreatedAt { get; set; }

    public Seq<string> Missing(string at) =>
        Wire.Missing(at, ("id", Id), ("user_id", UserId), ("email", Email), ("password_reset_token", PasswordResetToken),
            ("password_reset_url", PasswordResetUrl), ("expires_at", ExpiresAt), ("created_at", CreatedAt));

    public PasswordReset ToDomain() =>
        new(Id ?? "", UserId ?? "", Email ?? "", Secret.Of(PasswordResetToken), Secret.Of(PasswordResetUrl), ExpiresAt ?? "", CreatedAt ?? "");
}
