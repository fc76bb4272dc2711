namespace WorkOS.Functional;

/// <summary>
/// Validated input of the deprecated <c>SendMagicAuthCode</c> (spec §2.6 #27); prefer
/// <see cref="CreateMagicAuthRequest"/>.
/// </summary>
public sealed record SendMagicAuthCodeRequest
{
    private SendMagicAuthCodeRequest(string email) => Email = email;

    /// <summary>The email address WorkOS sends the code to.</summary>
    public string Email { get; }

    /// <summary>Validates: <c>email</c> required and address-shaped.</summary>
    /// <param name="email">The email address.</param>
    public static Either<Error, SendMagicAuthCodeRequest> Create(string? email) =>
        Rules.Email("email", email).Map(static e => new SendMagicAuthCodeRequest(e)).ToRequest();
}
