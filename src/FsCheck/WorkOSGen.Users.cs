using V = WorkOS.Functional.FsCheck.WorkOSValues;

namespace WorkOS.Functional.FsCheck;

public static partial class WorkOSGen
{
    /// <summary><see cref="GetUserRequest"/>: any path ID; broken in <c>user_id</c> (blank, <c>.</c>, <c>..</c>).</summary>
    public static RequestGen<GetUserRequest> GetUser { get; } = ById("GetUser", "user_id", GetUserRequest.Create);

    /// <summary><see cref="GetUserByExternalIDRequest"/>: any path ID; broken in <c>external_id</c>.</summary>
    public static RequestGen<GetUserByExternalIDRequest> GetUserByExternalID { get; } =
        ById("GetUserByExternalID", "external_id", GetUserByExternalIDRequest.Create);

    /// <summary><see cref="DeleteUserRequest"/>: any path ID; broken in <c>user_id</c>.</summary>
    public static RequestGen<DeleteUserRequest> DeleteUser { get; } = ById("DeleteUser", "user_id", DeleteUserRequest.Create);

    /// <summary><see cref="ListIdentitiesRequest"/>: any path ID; broken in <c>user_id</c>.</summary>
    public static RequestGen<ListIdentitiesRequest> ListIdentities { get; } = ById("ListIdentities", "user_id", ListIdentitiesRequest.Create);

    /// <summary>
    /// <see cref="ListUsersRequest"/>: filters set or not, limits at 1 and 100, either order, cursors; broken in
    /// <c>email</c>, <c>limit</c> (0, 101, -1, the int extremes) or <c>order</c>.
    /// </summary>
    public static RequestGen<ListUsersRequest> ListUsers { get; } =
        new Spec<(string? Email, string? Org, int? Limit, Order? Order, string? Before, string? After), ListUsersRequest>("ListUsers",
            from email in Gen.OneOf(Gen.Elements<string?>(null, ""), V.Email.Select(static e => (string?)e))
            from org in V.MaybeText
            from limit in V.ValidLimit
            from order in V.ValidOrder
            from before in V.MaybeText
            from after in V.MaybeText
            select (email, org, limit, order, before, after),
            static a => ListUsersRequest.Create(a.Email, a.Org, a.Limit, a.Order, a.Before, a.After))
        .Break("email", Bads.OptionalEmail, static (a, v) => a with { Email = v })
        .Break("limit", Bads.Limit, static (a, v) => a with { Limit = v })
        .Break("order", Bads.Order, static (a, v) => a with { Order = v })
        .Build();

    /// <summary>
    /// <see cref="CreateUserRequest"/>: no password, a plain one, or a hash with its type; names, external ID and
    /// metadata set or not. Broken in <c>email</c>, or in the password XOR hash rule (<c>password</c>,
    /// <c>password_hash</c>, <c>password_hash_type</c>).
    /// </summary>
    public static RequestGen<CreateUserRequest> CreateUser { get; } =
        new Spec<(string? Email, (string? Password, string? Hash, PasswordHashType? Type) Credential, string? First, string? Last, bool Verified,
                string? ExternalId, KeyValuePair<string, string>[] Metadata), CreateUserRequest>("CreateUser",
            from email in V.Email
            from credential in Credential
            from first in V.MaybeText
            from last in V.MaybeText
            from verified in Gen.Elements(true, false)
            from external in V.MaybeText
            from metadata in Metadata
            select (email, credential, first, last, verified, external, metadata),
            static a => CreateUserRequest.Create(a.Email, a.Credential.Password, a.Credential.Hash, a.Credential.Type, a.First, a.Last, a.Verified,
                a.ExternalId, a.Metadata))
        .Break("email", Bads.Email, static (a, v) => a with { Email = v })
        .BreakSecret("password", BadCredential("password"), static (a, v) => a with { Credential = v })
        .BreakSecret("password_hash", BadCredential("password_hash"), static (a, v) => a with { Credential = v })
        .BreakSecret("password_hash_type", BadCredential("password_hash_type"), static (a, v) => a with { Credential = v })
        .Build();

    /// <summary>
    /// <see cref="UpdateUserRequest"/>: any path ID, every optional field set or not (metadata values may be <c>null</c>,
    /// which removes a key). Broken in <c>user_id</c>, <c>email</c>, or the password XOR hash rule.
    /// </summary>
    public static RequestGen<UpdateUserRequest> UpdateUser { get; } =
        new Spec<(string? UserId, string? Email, string? First, string? Last, bool Verified,
                (string? Password, string? Hash, PasswordHashType? Type) Credential, string? ExternalId, KeyValuePair<string, string?>[] Metadata),
            UpdateUserRequest>("UpdateUser",
            from id in V.PathId
            from email in Gen.OneOf(Gen.Elements<string?>(null, ""), V.Email.Select(static e => (string?)e))
            from first in V.MaybeText
            from last in V.MaybeText
            from verified in Gen.Elements(true, false)
            from credential in Credential
            from external in V.MaybeText
            from metadata in Metadata
            from removed in Gen.Elements(true, false)
            select ((string?)id, email, first, last, verified, credential, external,
                metadata.Select((kv, i) => new KeyValuePair<string, string?>(kv.Key, removed && i == 0 ? null : kv.Value)).ToArray()),
            static a => UpdateUserRequest.Create(a.UserId, a.Email, a.First, a.Last, a.Verified, a.Credential.Password, a.Credential.Hash,
                a.Credential.Type, a.ExternalId, a.Metadata))
        .Break("user_id", Bads.PathSegment, static (a, v) => a with { UserId = v })
        .Break("email", Bads.OptionalEmail, static (a, v) => a with { Email = v })
        .BreakSecret("password", BadCredential("password"), static (a, v) => a with { Credential = v })
        .BreakSecret("password_hash", BadCredential("password_hash"), static (a, v) => a with { Credential = v })
        .BreakSecret("password_hash_type", BadCredential("password_hash_type"), static (a, v) => a with { Credential = v })
        .Build();
}
