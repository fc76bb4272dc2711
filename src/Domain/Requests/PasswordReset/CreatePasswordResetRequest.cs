namespace WorkOS.Functional;

/// <summary>Validated input of <c>CreatePasswordReset</c> (spec §2.5 #22).</summary>
public sealed record CreatePasswordResetRequest
{
    private CreatePasswordResetRequest(string email) => Email = email;

    /// <summary>The email address of the user whose password is to be reset.</summary>
    public string Email { get; }

    /// <summary>Validates: <c>email</c> required and address-shaped.</summary>
    /// <param name="email">The user's email address.</param>
    public static Either<Error, CreatePasswordResetRequest> Create(string? email) =>
        Rules.Email("email", email).Map(static e => new CreatePasswordResetRequest(e)).ToRequest();
}
