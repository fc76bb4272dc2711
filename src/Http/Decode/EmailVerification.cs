namespace WorkOS.Functional.Http;

public static partial class Decode
{
    /// <summary>An <see cref="WorkOS.Functional.EmailVerification"/> object; the code stays a secret.</summary>
    public static Either<Error, EmailVerification> EmailVerification(HttpResponseSpec r) =>
        Body<EmailVerificationDto, EmailVerification>("EmailVerification", r, static d => d.ToDomain());

    /// <summary>
    /// The <c>{"user": …}</c> envelope. Unlike Go, which would hand back an empty user, a body without
    /// a <c>user</c> object is a <see cref="DecodeError"/>: the user is the whole answer.
    /// </summary>
    public static Either<Error, UserResponse> UserResponse(HttpResponseSpec r) =>
        Body<UserResponseDto, UserResponse>("UserResponse", r, static d => new UserResponse(d.User!.Value.User));
}

internal sealed class EmailVerificationDto : IWireObject
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

    public EmailVerification ToDomain() =>
        new(Id ?? "", UserId ?? "", Email ?? "", ExpiresAt ?? "", Secret.Of(Code), CreatedAt ?? "", UpdatedAt ?? "");
}

internal sealed class UserResponseDto : IWireObject
{
    public WireUser? User { get; set; }

    public Seq<string> Missing(string at) => Wire.Missing(at, ("user", User)) + Wire.Nested(at, "user", User);
}
