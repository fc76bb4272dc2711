namespace WorkOS.Functional;

/// <summary>Validated input of <c>GetPasswordReset</c> (spec §2.5 #21).</summary>
public sealed record GetPasswordResetRequest
{
    private GetPasswordResetRequest(string passwordResetId) => PasswordResetId = passwordResetId;

    /// <summary>The password reset ID (<c>password_reset_…</c>).</summary>
    public string PasswordResetId { get; }

    /// <summary>Validates: <c>password_reset_id</c> non-blank.</summary>
    /// <param name="passwordResetId">The password reset ID.</param>
    public static Either<Error, GetPasswordResetRequest> Create(string? passwordResetId) =>
        Rules.PathSegment("password_reset_id", passwordResetId).Map(static id => new GetPasswordResetRequest(id)).ToRequest();
}
