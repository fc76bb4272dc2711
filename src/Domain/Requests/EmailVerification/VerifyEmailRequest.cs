namespace WorkOS.Functional;

/// <summary>Validated input of <c>VerifyEmail</c> (spec §2.4 #20). The code is held as a <see cref="Secret"/>.</summary>
public sealed record VerifyEmailRequest
{
    private VerifyEmailRequest(string userId, Secret code) => (UserId, Code) = (userId, code);

    /// <summary>The user whose email is verified.</summary>
    public string UserId { get; }
    /// <summary>The one-time code the user received.</summary>
    public Secret Code { get; }

    /// <summary>Validates: <c>user_id</c> and <c>code</c> non-blank, both reported at once.</summary>
    /// <param name="userId">The user ID.</param>
    /// <param name="code">The one-time code from the email.</param>
    public static Either<Error, VerifyEmailRequest> Create(string? userId, string? code) =>
        (Rules.PathSegment("user_id", userId), Rules.RequiredSecret("code", code))
            .Apply(static (id, c) => new VerifyEmailRequest(id, c))
            .ToRequest();
}
