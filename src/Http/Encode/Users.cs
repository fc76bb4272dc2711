namespace WorkOS.Functional.Http;

/// <summary>
/// The encoders: each turns one validated request into the <see cref="HttpRequestSpec"/> the spec
/// prescribes. This is the single place that knows paths, grant types and body keys. Total and pure.
/// </summary>
public static partial class Encode
{
    private const string UserManagement = "user_management";

    /// <summary><c>GET /user_management/users/{id}</c>.</summary>
    public static HttpRequestSpec GetUser(GetUserRequest r, Secret apiKey) =>
        HttpRequestSpec.Get(apiKey, UserManagement, "users", r.UserId);

    /// <summary><c>GET /user_management/users/external_id/{external_id}</c>.</summary>
    public static HttpRequestSpec GetUserByExternalID(GetUserByExternalIDRequest r, Secret apiKey) =>
        HttpRequestSpec.Get(apiKey, UserManagement, "users", "external_id", r.ExternalId);

    /// <summary><c>GET /user_management/users?…</c>: email, organization_id, limit (always), order (always), before, after.</summary>
    public static HttpRequestSpec ListUsers(ListUsersRequest r, Secret apiKey) =>
        HttpRequestSpec.Get(apiKey, UserManagement, "users").WithQuery(
            QueryString.NonEmpty("email", r.Email),
            QueryString.NonEmpty("organization_id", r.OrganizationId),
            Paging(r.Limit, r.Order, r.Before, r.After));

    /// <summary><c>POST /user_management/users</c> with the Go-ordered body of spec §2.1 #4.</summary>
    public static HttpRequestSpec CreateUser(CreateUserRequest r, Secret apiKey) =>
        HttpRequestSpec.Post(apiKey, UserManagement, "users").WithBody(Json.Object(
            Json.Always("email", r.Email),
            Json.NonEmpty("password", PlainPassword(r.Password)),
            Json.NonEmpty("password_hash", PasswordHash(r.Password)),
            Json.NonEmpty("password_hash_type", PasswordHashType(r.Password)),
            Json.NonEmpty("first_name", r.FirstName),
            Json.NonEmpty("last_name", r.LastName),
            Json.IfTrue("email_verified", r.EmailVerified),
            Json.NonEmpty("external_id", r.ExternalId),
            Json.NonEmpty("metadata", r.Metadata)));

    /// <summary>
    /// <c>PUT /user_management/users/{id}</c> with the body of spec §2.1 #5, without Go's <c>"User"</c>
    /// artefact key (spec §1.4 recommends dropping it).
    /// </summary>
    public static HttpRequestSpec UpdateUser(UpdateUserRequest r, Secret apiKey) =>
        HttpRequestSpec.Put(apiKey, UserManagement, "users", r.UserId).WithBody(Json.Object(
            Json.NonEmpty("email", r.Email),
            Json.NonEmpty("first_name", r.FirstName),
            Json.NonEmpty("last_name", r.LastName),
            Json.IfTrue("email_verified", r.EmailVerified),
            Json.NonEmpty("password", PlainPassword(r.Password)),
            Json.NonEmpty("password_hash", PasswordHash(r.Password)),
            Json.NonEmpty("password_hash_type", PasswordHashType(r.Password)),
            Json.NonEmpty("external_id", r.ExternalId),
            Json.NonEmpty("metadata", r.Metadata)));

    /// <summary><c>DELETE /user_management/users/{id}</c>.</summary>
    public static HttpRequestSpec DeleteUser(DeleteUserRequest r, Secret apiKey) =>
        HttpRequestSpec.Delete(apiKey, UserManagement, "users", r.UserId);

    /// <summary><c>GET /user_management/users/{id}/identities</c>, without Go's GET body artefact.</summary>
    public static HttpRequestSpec ListIdentities(ListIdentitiesRequest r, Secret apiKey) =>
        HttpRequestSpec.Get(apiKey, UserManagement, "users", r.UserId, "identities");

    /// <summary>The pagination pairs of spec §1.6: limit and order always, cursors when set.</summary>
    private static Seq<(string Key, string Value)> Paging(int limit, Order order, Option<string> before, Option<string> after) =>
        QueryString.Always("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))
            + QueryString.Always("order", order.Value)
            + QueryString.NonEmpty("before", before)
            + QueryString.NonEmpty("after", after);

    private static Option<Secret> PlainPassword(Option<PasswordCredential> p) =>
        p.Bind(static c => c is PasswordCredential.Plain plain ? Some(plain.Password) : None);

    private static Option<Secret> PasswordHash(Option<PasswordCredential> p) =>
        p.Bind(static c => c is PasswordCredential.Hashed h ? Some(h.Hash) : None);

    private static Option<string> PasswordHashType(Option<PasswordCredential> p) =>
        p.Bind(static c => c is PasswordCredential.Hashed h ? Some(h.Type.Value) : None);
}
