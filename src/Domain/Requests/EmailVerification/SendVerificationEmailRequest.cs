namespace WorkOS.Functional;

/// <summary>Validated input of <c>SendVerificationEmail</c> (spec §2.4 #19).</summary>
public sealed record SendVerificationEmailRequest
{
    private SendVerificationEmailRequest(string userId) => UserId = userId;

    /// <summary>The user to send a verification code to.</summary>
    public string UserId { get; }

    /// <summary>Validates: <c>user_id</c> non-blank.</summary>
    /// <param name="userId">The user ID.</param>
    public static Either<Error, SendVerificationEmailRequest> Create(string? userId) =>
        Rules.PathSegment("user_id", userId).Map(static id => new SendVerificationEmailRequest(id)).ToRequest();
}
