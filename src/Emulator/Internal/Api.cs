using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WorkOS.Functional.Emulator.Internal;

/// <summary>
/// Request handlers: one route table (<see cref="Map"/>), handlers grouped by resource in partial files.
/// Every handler runs under <see cref="Runtime.Sync"/> unless its route says otherwise.
/// </summary>
internal sealed partial class Api(Runtime rt)
{
    private static readonly string[] HashTypes = ["bcrypt", "firebase-scrypt", "ssha", "ssha256", "scrypt", "pbkdf2", "argon2"];
    private static readonly string[] MembershipStatuses = ["active", "inactive", "pending"];

    private State S => rt.State;
    private DateTimeOffset Now => rt.State.Now;

    private static readonly RouteOptions NewPassword = new() { PasswordFields = ["password"] };

    public void Map(Router r)
    {
        const string U = "/user_management";
        // users
        r.Map("GET", U + "/users", ListUsers);
        r.Map("POST", U + "/users", CreateUser, NewPassword);
        r.Map("GET", U + "/users/external_id/{external_id}", q => Reply.Ok(UserByExternalId(q.Route("external_id")).ToJson()));
        r.Map("GET", U + "/users/{id}", q => Reply.Ok(GetUser(q.Route("id")).ToJson()));
        r.Map("PUT", U + "/users/{id}", UpdateUser, NewPassword);
        r.Map("DELETE", U + "/users/{id}", DeleteUser);
        r.Map("GET", U + "/users/{id}/identities", q => Reply.Ok(GetUser(q.Route("id")).Identities.DeepClone()));
        // email verification
        r.Map("GET", U + "/email_verification/{id}", q => Reply.Ok(
            (S.EmailVerifications.GetValueOrDefault(q.Route("id")) ?? throw Err.NotFound("Email verification", q.Route("id"))).ToJson("email_verification")));
        r.Map("POST", U + "/users/{id}/email_verification/send", SendVerificationEmail);
        r.Map("POST", U + "/users/{id}/email_verification/confirm", VerifyEmail);
        // password reset
        r.Map("POST", U + "/password_reset", CreatePasswordReset);
        r.Map("POST", U + "/password_reset/send", SendPasswordResetEmail);
        r.Map("POST", U + "/password_reset/confirm", ResetPassword, new RouteOptions { PasswordFields = ["new_password"] });
        r.Map("GET", U + "/password_reset/{id}", q => Reply.Ok(
            (S.PasswordResets.GetValueOrDefault(q.Route("id")) ?? throw Err.NotFound("Password reset", q.Route("id"))).ToJson()));
        // magic auth
        r.Map("POST", U + "/magic_auth", q => Reply.Created(CreateMagicAuth(q).ToJson("magic_auth")));
        r.Map("POST", U + "/magic_auth/send", q => { CreateMagicAuth(q); return Reply.Ok(new JsonObject()); });
        r.Map("GET", U + "/magic_auth/{id}", q => Reply.Ok(
            (S.MagicAuths.GetValueOrDefault(q.Route("id")) ?? throw Err.NotFound("Magic auth", q.Route("id"))).ToJson("magic_auth")));
        // factors
        r.Map("POST", U + "/users/{id}/auth_factors", EnrollFactor);
        r.Map("GET", U + "/users/{id}/auth_factors", ListFactors);
        r.Map("POST", "/auth/factors/{id}/challenge", ChallengeFactor);
        r.Map("GET", "/auth/factors/{id}", q => Reply.Ok(
            (S.Factors.GetValueOrDefault(q.Route("id")) ?? throw Err.NotFound("Authentication factor", q.Route("id"))).ToJson(false)));
        // memberships
        r.Map("GET", U + "/organization_memberships", ListMemberships);
        r.Map("POST", U + "/organization_memberships", CreateMembership);
        r.Map("GET", U + "/organization_memberships/{id}", q => Reply.Ok(S.MembershipJson(GetMembership(q.Route("id")))));
        r.Map("PUT", U + "/organization_memberships/{id}", UpdateMembership);
        r.Map("DELETE", U + "/organization_memberships/{id}", q =>
        {
            var m = GetMembership(q.Route("id"));
            S.Memberships.Remove(m.Id);
            return Reply.NoContent();
        });
        r.Map("PUT", U + "/organization_memberships/{id}/deactivate", q => SetMembershipStatus(q, "inactive"));
        r.Map("PUT", U + "/organization_memberships/{id}/reactivate", q => SetMembershipStatus(q, "active"));
        // invitations
        r.Map("GET", U + "/invitations", ListInvitations);
        r.Map("POST", U + "/invitations", SendInvitation);
        r.Map("GET", U + "/invitations/by_token/{token}", q => Reply.Ok(
            (S.Invitations.Values.FirstOrDefault(i => i.Token == q.Route("token")) ?? throw Err.NotFound("Invitation", q.Route("token"))).ToJson(Now)));
        r.Map("GET", U + "/invitations/{id}", q => Reply.Ok(GetInvitation(q.Route("id")).ToJson(Now)));
        r.Map("POST", U + "/invitations/{id}/revoke", RevokeInvitation);
        r.Map("POST", U + "/invitations/{id}/resend", ResendInvitation);
        r.Map("POST", U + "/invitations/{id}/accept", AcceptInvitationEndpoint);
        // authentication & sessions
        r.Map("POST", U + "/authenticate", Authenticate, new RouteOptions { OAuthErrors = true, Locked = false });
        r.Map("GET", U + "/authorize", Authorize);
        r.Map("POST", SignInPath, SignIn, new RouteOptions { Locked = false }); // the hosted sign-in page's forms: SignInPage.cs
        r.Map("GET", U + "/sessions/logout", Logout);
        r.Map("POST", U + "/sessions/revoke", RevokeSession);
        r.Map("GET", "/sso/jwks/{client_id}", q => q.Route("client_id") == rt.Options.ClientId
            ? Reply.Ok(new JsonObject { ["keys"] = new JsonArray(rt.Signer.Jwk()) })
            : throw Err.NotFound("Client", q.Route("client_id")));
        MapNext(r); // endpoints added after Go v6.3: Api.Next.cs
        // organizations (minimal)
        r.Map("POST", "/organizations", CreateOrganization);
        r.Map("GET", "/organizations/{id}", q => Reply.Ok(GetOrg(q.Route("id")).ToJson()));
        // emulator control (JSON only, loopback Host only: see Pipeline)
        r.Map("GET", "/_emulate/clock", _ => Reply.Ok(ClockJson()));
        r.Map("POST", "/_emulate/clock", AdvanceClock);
        r.Map("POST", "/_emulate/sessions", MintSession);
        r.Map("POST", "/_emulate/hooks", q => Reply.Created(rt.Hooks.Add(q.Body).ToJson()));
        r.Map("GET", "/_emulate/hooks", _ => Reply.Ok(new JsonObject
        {
            ["object"] = "list",
            ["data"] = Json.Array(rt.Hooks.All(), h => h.ToJson()),
        }));
        r.Map("DELETE", "/_emulate/hooks/{id}", q => rt.Hooks.Remove(q.Route("id")) ? Reply.NoContent() : throw Err.NotFound("Hook", q.Route("id")));
        r.Map("POST", "/_emulate/reset", _ =>
        {
            rt.Reset();
            return Reply.Ok(new JsonObject { ["reset"] = true });
        });
        r.Map("GET", "/_emulate/users/{id}/email_verification", q =>
        {
            var user = GetUser(q.Route("id"));
            var ev = S.EmailVerifications.Values.Where(e => e.UserId == user.Id).MaxBy(e => e.Id, StringComparer.Ordinal)
                     ?? throw Err.NotFound("Email verification for user", user.Id);
            return Reply.Ok(ev.ToJson("email_verification"));
        });
        r.Map("GET", "/_emulate/users/{id}/magic_auth", q =>
        {
            var user = GetUser(q.Route("id"));
            var ma = S.MagicAuths.Values.Where(e => e.UserId == user.Id).MaxBy(e => e.Id, StringComparer.Ordinal)
                     ?? throw Err.NotFound("Magic auth for user", user.Id);
            return Reply.Ok(ma.ToJson("magic_auth"));
        });
        r.Map("GET", "/_emulate/auth_factors/{id}/totp", q =>
        {
            var f = S.Factors.GetValueOrDefault(q.Route("id")) ?? throw Err.NotFound("Authentication factor", q.Route("id"));
            return Reply.Ok(new JsonObject { ["code"] = Totp.Code(f.Secret, Now.ToUnixTimeSeconds()), ["secret"] = f.SecretBase32 });
        });
    }

    // ---------------------------------------------------------------- lookups

    private User GetUser(string id) => S.Users.GetValueOrDefault(id) ?? throw Err.NotFound("User", id);

    private User UserByExternalId(string externalId) =>
        S.UserByExternalId(externalId) ?? throw Err.NotFound("User with external id", externalId);

    private Organization GetOrg(string id) => S.Organizations.GetValueOrDefault(id) ?? throw Err.NotFound("Organization", id);

    private Membership GetMembership(string id) => S.Memberships.GetValueOrDefault(id) ?? throw Err.NotFound("Organization membership", id);

    private Invitation GetInvitation(string id) => S.Invitations.GetValueOrDefault(id) ?? throw Err.NotFound("Invitation", id);

    private static readonly Regex EmailRegex = new(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant);

    private static bool ValidEmail(string email) => EmailRegex.IsMatch(email);

    // ---------------------------------------------------------------- pagination

    /// <summary>A list request's paging parameters: <c>limit</c> (1–100, default 10), <c>order</c> (default desc), one cursor.</summary>
    private sealed record PageQuery(int Limit, bool Asc, string? After, string? Before)
    {
        public static PageQuery Of(Req q)
        {
            var limit = 10;
            if (q.Query("limit") is { } l)
            {
                if (!int.TryParse(l, NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > 100)
                    throw Err.Validation(("limit", "invalid"));
            }
            var order = q.Query("order") ?? "desc";
            if (order is not ("asc" or "desc")) throw Err.Validation(("order", "invalid"));
            var after = q.Query("after") is { Length: > 0 } a ? a : null;
            var before = after is null && q.Query("before") is { Length: > 0 } b ? b : null;
            return new(limit, order == "asc", after, before);
        }

        /// <summary>Position in the chosen order: "before" an item means earlier in this order.</summary>
        public bool Earlier(string a, string b) => Asc ? string.CompareOrdinal(a, b) < 0 : string.CompareOrdinal(a, b) > 0;
    }

    private static JsonObject ListJson(JsonArray data, string? before, string? after) => new()
    {
        ["object"] = "list",
        ["data"] = data,
        ["list_metadata"] = new JsonObject { ["before"] = before, ["after"] = after },
    };

    /// <summary>
    /// A page of the whole directory from its ID index: the cursor found by binary search and the page read off in
    /// order, so a page costs the same at 20 users or 20,000. The same page as <see cref="Page{T}"/> of every user.
    /// </summary>
    private static JsonObject Page(Req q, UserDirectory users, Func<User, JsonNode> map)
    {
        var p = PageQuery.Of(q);
        var ids = users.Ordered;
        var n = ids.Count;
        // How many IDs sort before `key` (strictly, or also equal to it), ascending.
        int Below(string key, bool orEqual)
        {
            var at = users.Position(key);
            return at >= 0 ? at + (orEqual ? 1 : 0) : ~at;
        }
        // Positions in the chosen order (0 = first in it): the items strictly after `after`, or strictly before `before`.
        int from, to;
        if (p.After is { } after)
        {
            from = p.Asc ? Below(after, orEqual: true) : n - Below(after, orEqual: false);
            to = Math.Min(n, from + p.Limit);
        }
        else if (p.Before is { } before)
        {
            to = p.Asc ? Below(before, orEqual: false) : n - Below(before, orEqual: true);
            from = Math.Max(0, to - p.Limit);
        }
        else (from, to) = (0, Math.Min(n, p.Limit));
        string At(int position) => ids[p.Asc ? position : n - 1 - position];
        var data = new JsonArray();
        for (var i = from; i < to; i++) data.Add(map(users[At(i)]));
        return to > from ? ListJson(data, from > 0 ? At(from) : null, to < n ? At(to - 1) : null) : ListJson(data, null, null);
    }

    private static JsonObject Page<T>(Req q, IEnumerable<T> items, Func<T, string> id, Func<T, JsonNode> map)
    {
        var p = PageQuery.Of(q);
        var (limit, asc, after, before) = p;
        bool Earlier(string a, string b) => p.Earlier(a, b);

        // One pass keeping only the `limit` ids nearest the cursor in a bounded heap, instead of sorting the
        // whole directory on every request (20,000 users cost milliseconds per page that way; see bench/).
        // After a cursor (or with none) the page is the first `limit` items in order; before one, the last `limit`.
        var fromEnd = before is not null;
        var inOrder = Comparer<string>.Create((x, y) => asc ? string.CompareOrdinal(x, y) : string.CompareOrdinal(y, x));
        // the heap's top is the item to drop first: the latest in order when keeping the first ones, the earliest otherwise
        var heap = new PriorityQueue<T, string>(fromEnd ? inOrder : Comparer<string>.Create((x, y) => inOrder.Compare(y, x)));
        foreach (var item in items)
        {
            var key = id(item);
            if (after is not null && !Earlier(after, key)) continue;
            if (before is not null && !Earlier(key, before)) continue;
            if (heap.Count < limit) heap.Enqueue(item, key);
            else if (heap.TryPeek(out _, out var top) && (fromEnd ? Earlier(top, key) : Earlier(key, top))) heap.EnqueueDequeue(item, key);
        }
        var page = new List<T>(heap.Count);
        while (heap.TryDequeue(out var item, out _)) page.Add(item);
        page.Sort((x, y) => inOrder.Compare(id(x), id(y)));

        string? metaBefore = null, metaAfter = null;
        if (page.Count > 0)
        {
            var first = id(page[0]);
            var last = id(page[^1]);
            if (items.Any(x => Earlier(id(x), first))) metaBefore = first;
            if (items.Any(x => Earlier(last, id(x)))) metaAfter = last;
        }
        return ListJson(Json.Array(page, map), metaBefore, metaAfter);
    }

    // ---------------------------------------------------------------- organizations

    private Reply CreateOrganization(Req q)
    {
        var name = q.Str("name") ?? throw Err.Validation(("name", "required"));
        if (Limits.TooLongName(name)) throw Err.Validation(("name", "too_long"));
        var domains = new List<string>();
        if (q.Body["domains"] is JsonArray arr)
        {
            if (arr.Count > Limits.MaxDomains) throw Err.Validation(("domains", "too_many"));
            foreach (var d in arr)
            {
                if (d is JsonValue v && v.TryGetValue<string>(out var s)) domains.Add(s);
                else if (d is JsonObject o && o["domain"] is JsonValue dv && dv.TryGetValue<string>(out var ds)) domains.Add(ds);
                else throw Err.Validation(("domains", "invalid"));
            }
            if (domains.Any(d => d.Length > Limits.MaxShort)) throw Err.Validation(("domains", "too_long"));
        }
        else if (q.Body["domains"] is not null) throw Err.Validation(("domains", "invalid_type"));
        var now = Now;
        var org = new Organization { Id = S.Ids.Next("org_"), Name = name, Domains = domains, CreatedAt = now, UpdatedAt = now };
        S.Organizations[org.Id] = org;
        return Reply.Created(org.ToJson());
    }
}
