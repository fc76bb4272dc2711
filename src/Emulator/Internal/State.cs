using System.Text.Json;
using System.Text.Json.Nodes;

namespace WorkOS.Functional.Emulator.Internal;

/// <summary>All in-memory data. Guarded by <see cref="Sync"/>.</summary>
internal sealed class State(TimeProvider clock)
{
    public object Sync { get; } = new();
    public TimeProvider Clock { get; } = clock;
    public IdGenerator Ids { get; } = new(clock);
    public DateTimeOffset Now => Clock.GetUtcNow();

    public bool SeedMfaRequired { get; set; }
    public Dictionary<string, Organization> Organizations { get; } = [];
    public Dictionary<string, User> Users { get; } = [];
    public Dictionary<string, Membership> Memberships { get; } = [];
    public Dictionary<string, Invitation> Invitations { get; } = [];
    public Dictionary<string, OneTimeCode> MagicAuths { get; } = [];
    public Dictionary<string, OneTimeCode> EmailVerifications { get; } = [];
    public Dictionary<string, PasswordReset> PasswordResets { get; } = [];
    public Dictionary<string, Factor> Factors { get; } = [];
    public Dictionary<string, Challenge> Challenges { get; } = [];
    public Dictionary<string, Session> Sessions { get; } = [];
    /// <summary>refresh token → session id; value null once rotated/consumed.</summary>
    public Dictionary<string, string?> RefreshTokens { get; } = [];
    public Dictionary<string, PendingAuth> Pending { get; } = [];
    public Dictionary<string, AuthCode> AuthCodes { get; } = [];
    public NextState Next { get; } = new();

    public void Clear()
    {
        SeedMfaRequired = false;
        Organizations.Clear(); Users.Clear(); Memberships.Clear(); Invitations.Clear();
        MagicAuths.Clear(); EmailVerifications.Clear(); PasswordResets.Clear(); Factors.Clear();
        Challenges.Clear(); Sessions.Clear(); RefreshTokens.Clear(); Pending.Clear(); AuthCodes.Clear();
        Next.Clear();
    }

    public User? UserByEmail(string email) =>
        Users.Values.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));

    public string OrgName(string orgId) => Organizations.TryGetValue(orgId, out var o) ? o.Name : "";

    public JsonObject MembershipJson(Membership m) => m.ToJson(OrgName(m.OrganizationId));

    public Factor CreateFactor(User user, byte[] secret, string? issuer, string? totpUser)
    {
        var now = Now;
        var f = new Factor
        {
            Id = Ids.Next("auth_factor_"), UserId = user.Id, Secret = secret,
            Issuer = issuer ?? "WorkOS", TotpUser = totpUser ?? user.Email, CreatedAt = now, UpdatedAt = now,
        };
        Factors[f.Id] = f;
        return f;
    }

    /// <summary>Loads a seed document (see README). Throws <see cref="InvalidOperationException"/> on bad seeds.</summary>
    public void LoadSeed(string? seedJson)
    {
        Clear();
        if (string.IsNullOrWhiteSpace(seedJson)) return;
        JsonObject root;
        try
        {
            root = JsonNode.Parse(seedJson) as JsonObject ?? throw new InvalidOperationException("Seed must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException("Seed is not valid JSON: " + e.Message, e);
        }
        var now = Now;
        SeedMfaRequired = root["mfa_required"]?.GetValue<bool>() ?? false;

        foreach (var node in root["organizations"]?.AsArray() ?? [])
        {
            var o = node!.AsObject();
            var org = new Organization
            {
                Id = S(o, "id") ?? Ids.Next("org_"),
                Name = S(o, "name") ?? throw new InvalidOperationException("Seed organization needs a name."),
                Domains = L(o, "domains"),
                SsoOnly = o["sso_only"]?.GetValue<bool>() ?? false,
                ConnectionIds = L(o, "connection_ids"),
                CreatedAt = now, UpdatedAt = now,
            };
            if (org.SsoOnly && org.ConnectionIds.Count == 0) org.ConnectionIds.Add(Ids.Next("conn_"));
            Organizations[org.Id] = org;
        }

        foreach (var node in root["users"]?.AsArray() ?? [])
        {
            var o = node!.AsObject();
            var user = new User
            {
                Id = S(o, "id") ?? Ids.Next("user_"),
                Email = S(o, "email") ?? throw new InvalidOperationException("Seed user needs an email."),
                FirstName = S(o, "first_name"),
                LastName = S(o, "last_name"),
                EmailVerified = o["email_verified"]?.GetValue<bool>() ?? false,
                ExternalId = S(o, "external_id"),
                ProfilePictureUrl = S(o, "profile_picture_url"),
                CreatedAt = now, UpdatedAt = now,
            };
            if (S(o, "password") is { } pw) user.PasswordHash = Passwords.Hash(pw);
            if (o["metadata"] is JsonObject md)
                foreach (var (k, v) in md) if (v is not null) user.Metadata[k] = v.GetValue<string>();
            if (o["identities"] is JsonArray ids) user.Identities = (JsonArray)ids.DeepClone();
            Users[user.Id] = user;
            if (S(o, "totp_secret") is { } secret)
            {
                if (!Base32.TryDecode(secret, out var key)) throw new InvalidOperationException($"Seed user {user.Email}: totp_secret is not base32.");
                CreateFactor(user, key, null, null);
            }
        }

        foreach (var node in root["memberships"]?.AsArray() ?? [])
        {
            var o = node!.AsObject();
            var userRef = S(o, "user") ?? S(o, "user_id") ?? throw new InvalidOperationException("Seed membership needs a user.");
            var orgRef = S(o, "organization") ?? S(o, "organization_id") ?? throw new InvalidOperationException("Seed membership needs an organization.");
            var user = FindUser(userRef) ?? throw new InvalidOperationException($"Seed membership: unknown user '{userRef}'.");
            var org = FindOrg(orgRef) ?? throw new InvalidOperationException($"Seed membership: unknown organization '{orgRef}'.");
            var slugs = L(o, "role_slugs");
            if (slugs.Count == 0) slugs.Add(S(o, "role_slug") ?? "member");
            var m = new Membership
            {
                Id = S(o, "id") ?? Ids.Next("om_"), UserId = user.Id, OrganizationId = org.Id,
                RoleSlugs = slugs, Status = S(o, "status") ?? "active", CreatedAt = now, UpdatedAt = now,
            };
            Memberships[m.Id] = m;
        }

        foreach (var node in root["invitations"]?.AsArray() ?? [])
        {
            var o = node!.AsObject();
            string? orgId = null;
            if ((S(o, "organization") ?? S(o, "organization_id")) is { } orgRef)
                orgId = (FindOrg(orgRef) ?? throw new InvalidOperationException($"Seed invitation: unknown organization '{orgRef}'.")).Id;
            var inv = new Invitation
            {
                Id = S(o, "id") ?? Ids.Next("invitation_"),
                Email = S(o, "email") ?? throw new InvalidOperationException("Seed invitation needs an email."),
                Token = S(o, "token") ?? Rand.Alnum(32),
                OrganizationId = orgId,
                RoleSlug = S(o, "role_slug"),
                ExpiresAt = now.AddDays(7), CreatedAt = now, UpdatedAt = now,
            };
            var state = S(o, "state") ?? "pending";
            switch (state)
            {
                case "pending": break;
                case "accepted": inv.StoredState = "accepted"; inv.AcceptedAt = now; break;
                case "revoked": inv.StoredState = "revoked"; inv.RevokedAt = now; break;
                case "expired": inv.ExpiresAt = now.AddSeconds(-1); break;
                default: throw new InvalidOperationException($"Seed invitation: unknown state '{state}'.");
            }
            Invitations[inv.Id] = inv;
        }
    }

    private User? FindUser(string reference) =>
        Users.TryGetValue(reference, out var u) ? u : UserByEmail(reference);

    private Organization? FindOrg(string reference) =>
        Organizations.TryGetValue(reference, out var o) ? o : Organizations.Values.FirstOrDefault(x => x.Name == reference);

    private static string? S(JsonObject o, string key) =>
        o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static List<string> L(JsonObject o, string key) =>
        o[key] is JsonArray a ? a.Select(x => x!.GetValue<string>()).ToList() : [];
}
