namespace WorkOS.Functional;

/// <summary>Validated input of <c>GetEmailVerification</c> (spec §2.4 #18).</summary>
public sealed record GetEmailVerificationRequest
{
    private GetEmailVerificationRequest(string emailVerificationId) => EmailVerificationId = emailVerificationId;

    /// <summary>The email verification ID (<c>email_verification_…</c>).</summary>
    public string EmailVerificationId { get; }

    /// <summary>Validates: <c>email_verification_id</c> non-blank.</summary>
    /// <param name="emailVerificationId">The email verification ID.</param>
    public static Either<Error, GetEmailVerificationRequest> Create(string? emailVerificationId) =>
        Rules.PathSegment("email_verification_id", emailVerificationId).Map(static id => new GetEmailVerificationRequest(id)).ToRequest();
}
