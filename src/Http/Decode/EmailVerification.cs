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
        Body<UserResponseDto, Option<User>>("UserResponse", r, static d => Optional(d.User).Map(static u => u.ToDomain()))
            .Bind(user => user.Map(static u => new UserResponse(u)).ToEither((Error)new DecodeError("UserResponse", r.Status, "the body has no user")));
}

internal sealed class EmailVerificationDto
{
    public string? Id { get; set; }
    public string? UserId { get; set; }
    public string? Email { get; set; }
    public string? ExpiresAt { get; set; }
    public string? Code { get; set; }
    public string? CreatedAt { get; set; }
    public string? UpdatedAt { get; set; }

    public EmailVerification ToDomain() =>
        new(Id ?? "", UserId ?? "", Email ?? "", ExpiresAt ?? "", Secret.Of(Code), CreatedAt ?? "", UpdatedAt ?? "");
}

internal sealed class UserResponseDto
{
    public UserDto? User { get; set; }
}
