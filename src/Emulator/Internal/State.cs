using System.Text.Json;
using System.Text.Json.Nodes;

namespace WorkOS.Functional.Emulator.Internal;

/// <summary>
/// All in-memory data of one environment, guarded by <see cref="Runtime.Sync"/>. A reset replaces the whole
/// object, so nothing of the old data (nor the capacity of its tables) stays reachable.
/// </summary>
internal sealed class State(TimeProvider clock, IdGenerator ids)
{
    public TimeProvider Clock { get; } = clock;
    public IdGenerator Ids { get; } = ids;
    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Seeded <c>redirect_uris</c>.</summary>
    public List<string> RedirectUris { get; } = [];
    /// <summary>Seeded <c>logout_redirect_uris</c> (and <c>logout_redirect_uri</c>).</summary>
    public List<string> LogoutRedirectUris { get; } = [];
    /// <summary>Seeded role slug → permission slugs.</summary>
    public Dictionary<string, List<string>> RolePermissions { get; } = [];
    /// <summary>Per-email (and per-challenge) sliding windows of the authentication limits.</summary>
    public SlidingWindows Limits { get; } = new();

    public bool SeedMfaRequired { get; set; }
    public Dictionary<string, Organization> Organizations { get; } = [];
    public UserDirectory Users { get; } = new();
    public Dictionary<string, Membership> Memberships { get; } = [];
    public Dictionary<string, Invitation> Invitations { get; } = [];
    public Dictionary<string, OneTimeCode> MagicAuths { get; } = [];
    public Dictionary<string, OneTimeCode> EmailVerifications { get; } = [];
    public Dictionary<string, PasswordReset> PasswordResets { get; } = [];
    public Dictionary<string, Factor> Factors { get; } = [];
    public Dictionary<string, Challenge> Challenges { get; } = [];
    public Dictionary<string, Session> Sessions { get; } = [];
    /// <summary>Every refresh token issued → its session and whether it was rotated.</summary>
    public Dictionary<string, RefreshTokenEntry> RefreshTokens { get; } = [];
    public Dictionary<string, PendingAuth> Pending { get; } = [];
    public Dictionary<string, AuthCode> AuthCodes { get; } = [];
    public NextState Next { get; } = new();

    public User? UserByExternalId(string externalId) =>
        Users.Values.FirstOrDefault(u => u.ExternalId == externalId);

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

    /// <summary>Loads a seed document (see README) into this fresh state. Throws <see cref="InvalidOperationException"/> on bad seeds.</summary>
    public void LoadSeed(string? seedJson)
    {
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
        RedirectUris.AddRange(L(root, "redirect_uris"));
        LogoutRedirectUris.AddRange(L(root, "logout_redirect_uris"));
        if (S(root, "logout_redirect_uri") is { } logout) LogoutRedirectUris.Add(logout);
        foreach (var node in root["roles"]?.AsArray() ?? [])
        {
            var o = node!.AsObject();
            RolePermissions[S(o, "slug") ?? throw new InvalidOperationException("Seed role needs a slug.")] = L(o, "permissions");
        }

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
                Entitlements = L(o, "entitlements"),
                FeatureFlags = L(o, "feature_flags"),
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
            if (user.ExternalId is { } ext && UserByExternalId(ext) is not null)
                throw new InvalidOperationException($"Seed user {user.Email}: external_id '{ext}' is already used.");
            if (UserByEmail(user.Email) is not null) throw new InvalidOperationException($"Seed user {user.Email} appears twice.");
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

/// <summary>Sliding 60-second windows of request times per key (email, challenge id), on the emulator clock.</summary>
internal sealed class SlidingWindows
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _hits = [];

    /// <summary>Counts one request for <paramref name="key"/>; throws 429 with <c>Retry-After</c> when over <paramref name="limit"/> (0 = no limit).</summary>
    public void Take(string key, int limit, DateTimeOffset now, string what)
    {
        if (limit <= 0) return;
        if (!_hits.TryGetValue(key, out var q)) _hits[key] = q = new Queue<DateTimeOffset>();
        while (q.Count > 0 && q.Peek() <= now - Window) q.Dequeue();
        if (q.Count >= limit)
        {
            var retry = (long)Math.Ceiling((q.Peek() + Window - now).TotalSeconds);
            throw Err.RateLimited(Math.Max(1, retry), $"Too many {what} requests: at most {limit} per 60 seconds.");
        }
        q.Enqueue(now);
    }
}
