namespace WorkOS.Functional;

/// <summary>Validated input of <c>CreateUser</c> (spec §2.1 #4).</summary>
public sealed record CreateUserRequest
{
    private CreateUserRequest(string email, Option<PasswordCredential> password, Option<string> firstName, Option<string> lastName,
        bool emailVerified, Option<string> externalId, HashMap<string, string> metadata) =>
        (Email, Password, FirstName, LastName, EmailVerified, ExternalId, Metadata) =
        (email, password, firstName, lastName, emailVerified, externalId, metadata);

    /// <summary>The email address.</summary>
    public string Email { get; }
    /// <summary>A plain password or an imported hash, if any.</summary>
    public Option<PasswordCredential> Password { get; }
    /// <summary>First name.</summary>
    public Option<string> FirstName { get; }
    /// <summary>Last name.</summary>
    public Option<string> LastName { get; }
    /// <summary>Create the user with the email already verified (only <c>true</c> is ever sent).</summary>
    public bool EmailVerified { get; }
    /// <summary>The caller's own ID for the user.</summary>
    public Option<string> ExternalId { get; }
    /// <summary>String metadata; empty is not sent.</summary>
    public HashMap<string, string> Metadata { get; }

    /// <summary>
    /// Validates: <c>email</c> required and address-shaped; <c>password</c> XOR
    /// (<c>password_hash</c> + <c>password_hash_type</c>). Every problem is reported at once.
    /// </summary>
    /// <param name="email">The email address.</param>
    /// <param name="password">A plain password.</param>
    /// <param name="passwordHash">An imported password hash.</param>
    /// <param name="passwordHashType">The hash's algorithm.</param>
    /// <param name="firstName">First name.</param>
    /// <param name="lastName">Last name.</param>
    /// <param name="emailVerified">Mark the email verified.</param>
    /// <param name="externalId">The caller's own ID.</param>
    /// <param name="metadata">String metadata.</param>
    public static Either<Error, CreateUserRequest> Create(string? email, string? password = null, string? passwordHash = null,
        PasswordHashType? passwordHashType = null, string? firstName = null, string? lastName = null, bool emailVerified = false,
        string? externalId = null, IEnumerable<KeyValuePair<string, string>>? metadata = null) =>
        (Rules.Email("email", email), Rules.Password(password, passwordHash, passwordHashType))
            .Apply((e, p) => new CreateUserRequest(e, p, Rules.Optional(firstName), Rules.Optional(lastName), emailVerified,
                Rules.Optional(externalId), toHashMap((metadata ?? []).Select(static kv => (kv.Key, kv.Value)))))
            .ToRequest();
}
