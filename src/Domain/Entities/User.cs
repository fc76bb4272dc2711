namespace WorkOS.Functional;

/// <summary>A WorkOS user (spec §3.1). Timestamps are kept as the ISO-8601 strings the server sends.</summary>
/// <param name="Id">The user ID (<c>user_…</c>).</param>
/// <param name="Email">The email address.</param>
/// <param name="FirstName">First name, when set.</param>
/// <param name="LastName">Last name, when set.</param>
/// <param name="EmailVerified">Whether the email address is verified.</param>
/// <param name="ProfilePictureUrl">Profile picture URL, when known.</param>
/// <param name="LastSignInAt">Last sign-in timestamp, when the user ever signed in.</param>
/// <param name="ExternalId">The caller's own ID for this user, when set.</param>
/// <param name="Metadata">Caller-defined string metadata.</param>
/// <param name="CreatedAt">Creation timestamp.</param>
/// <param name="UpdatedAt">Last update timestamp.</param>
/// <param name="Name">Display name (newer servers), when sent.</param>
/// <param name="Locale">Locale (newer servers), when sent.</param>
/// <param name="Object">The object type, <c>user</c> (newer servers), when sent.</param>
public sealed record User(
    string Id,
    string Email,
    Option<string> FirstName,
    Option<string> LastName,
    bool EmailVerified,
    Option<string> ProfilePictureUrl,
    Option<string> LastSignInAt,
    Option<string> ExternalId,
    HashMap<string, string> Metadata,
    string CreatedAt,
    string UpdatedAt,
    Option<string> Name,
    Option<string> Locale,
    Option<string> Object = default);

/// <summary>A link between a user and an external identity provider account (spec §3.9).</summary>
/// <param name="IdpId">The user's ID at the provider.</param>
/// <param name="Type">Identity type, currently always <c>OAuth</c>; kept open.</param>
/// <param name="Provider">The provider, e.g. <c>GoogleOAuth</c>; kept open.</param>
public sealed record Identity(string IdpId, string Type, string Provider);

/// <summary>Cursors of a list page (spec §3.15). Pass <see cref="After"/> as <c>after</c> for the next page.</summary>
/// <param name="Before">ID to pass as <c>before</c> for the previous page, if any.</param>
/// <param name="After">ID to pass as <c>after</c> for the next page, if any.</param>
public sealed record ListMetadata(Option<string> Before, Option<string> After);

/// <summary>One page of <see cref="User"/>s (spec §2.1 #3).</summary>
/// <param name="Data">The users of this page.</param>
/// <param name="ListMetadata">Cursors for the neighbouring pages.</param>
public sealed record ListUsersResponse(Seq<User> Data, ListMetadata ListMetadata) : IListResponse<User>;
