namespace WorkOS.Functional;

/// <summary>
/// Validated input of <c>UpdateUser</c> (spec §2.1 #5). A partial update: unset fields are left
/// unchanged by the server. In <see cref="Metadata"/>, <c>None</c> deletes the key.
/// </summary>
public sealed record UpdateUserRequest
{
    private UpdateUserRequest(string userId, Option<string> email, Option<string> firstName, Option<string> lastName,
        bool emailVerified, Option<PasswordCredential> password, Option<string> externalId, HashMap<string, Option<string>> metadata) =>
        (UserId, Email, FirstName, LastName, EmailVerified, Password, ExternalId, Metadata) =
        (userId, email, firstName, lastName, emailVerified, password, externalId, metadata);

    /// <summary>The user ID.</summary>
    public string UserId { get; }
    /// <summary>New email address.</summary>
    public Option<string> Email { get; }
    /// <summary>New first name.</summary>
    public Option<string> FirstName { get; }
    /// <summary>New last name.</summary>
    public Option<string> LastName { get; }
    /// <summary>Mark the email verified (only <c>true</c> is ever sent; Go cannot un-verify).</summary>
    public bool EmailVerified { get; }
    /// <summary>New plain password or imported hash.</summary>
    public Option<PasswordCredential> Password { get; }
    /// <summary>New external ID.</summary>
    public Option<string> ExternalId { get; }
    /// <summary>Metadata changes: <c>Some(v)</c> sets the key, <c>None</c> deletes it; keys not named are unchanged.</summary>
    public HashMap<string, Option<string>> Metadata { get; }

    /// <summary>
    /// Validates: <c>user_id</c> non-blank; <c>email</c> address-shaped when given; <c>password</c> XOR
    /// (<c>password_hash</c> + <c>password_hash_type</c>). Metadata values that are <c>null</c> delete their key.
    /// </summary>
    /// <param name="userId">The user ID.</param>
    /// <param name="email">New email.</param>
    /// <param name="firstName">New first name.</param>
    /// <param name="lastName">New last name.</param>
    /// <param name="emailVerified">Mark the email verified.</param>
    /// <param name="password">New plain password.</param>
    /// <param name="passwordHash">New imported hash.</param>
    /// <param name="passwordHashType">The hash's algorithm.</param>
    /// <param name="externalId">New external ID.</param>
    /// <param name="metadata">Metadata changes; a <c>null</c> value deletes that key.</param>
    public static Either<Error, UpdateUserRequest> Create(string? userId, string? email = null, string? firstName = null,
        string? lastName = null, bool emailVerified = false, string? password = null, string? passwordHash = null,
        PasswordHashType? passwordHashType = null, string? externalId = null,
        IEnumerable<KeyValuePair<string, string?>>? metadata = null) =>
        (Rules.PathSegment("user_id", userId), Rules.OptionalEmail("email", email), Rules.Password(password, passwordHash, passwordHashType))
            .Apply((id, e, p) => new UpdateUserRequest(id, e, Rules.Optional(firstName), Rules.Optional(lastName), emailVerified, p,
                Rules.Optional(externalId), toHashMap((metadata ?? []).Select(static kv => (kv.Key, Optional(kv.Value))))))
            .ToRequest();
}
