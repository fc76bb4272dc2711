using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace WorkOS.Functional.Emulator.Internal;

internal sealed partial class Api
{
    private static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(10);

    private static ApiException InvalidRequest(string what) => Err.OAuth(400, "invalid_request", what);
    private static ApiException InvalidGrant(string what) => Err.OAuth(400, "invalid_grant", what);

    private T Locked<T>(Func<T> f)
    {
        lock (rt.Sync) return f();
    }

    /// <summary>Runs unlocked: only the password grant hashes, and it takes the lock around its other steps itself.</summary>
    private Reply Authenticate(Req q)
    {
        var clientId = q.Str("client_id") ?? throw InvalidRequest("client_id is required.");
        if (clientId != rt.Options.ClientId) throw Err.OAuth(400, "invalid_client", $"Unknown client_id '{clientId}'.");
        if (q.Str("grant_type") == DeviceCodeGrantType) return Locked(() => DeviceCodeGrant(q)); // a public-client grant: no client_secret
        if (q.Str("client_secret") != rt.Options.ApiKey) throw Err.OAuth(401, "invalid_client", "Invalid client_secret.");
        var grant = q.Str("grant_type") ?? throw InvalidRequest("grant_type is required.");
        foreach (var key in SignInExtras) q.Str(key); // added after Go v6.3: strings or absent; a non-string is a 422 like any field
        if (grant == "password") return PasswordGrant(q);
        Func<Req, Reply> handler = grant switch
        {
            "authorization_code" => CodeGrant,
            "refresh_token" => RefreshGrant,
            "urn:workos:oauth:grant-type:magic-auth:code" => MagicAuthGrant,
            "urn:workos:oauth:grant-type:mfa-totp" => TotpGrant,
            "urn:workos:oauth:grant-type:email-verification:code" => EmailVerificationGrant,
            "urn:workos:oauth:grant-type:organization-selection" => OrganizationSelectionGrant,
            RadarEmailGrantType => RadarEmailGrant,
            RadarSmsGrantType => RadarSmsGrant,
            _ => throw Err.OAuth(400, "unsupported_grant_type", $"Unsupported grant_type '{grant}'."),
        };
        return Locked(() => handler(q));
    }

    /// <summary>
    /// The optional keys of the v6.3 grants (added after Go v6.3). Each is type-checked on every grant; <c>invitation_token</c>
    /// accepts a matching invitation (<see cref="AcceptOnSignIn"/>), the device, signals and Radar attempt IDs are ignored.
    /// </summary>
    private static readonly string[] SignInExtras = ["invitation_token", "device_id", "signals_id", "radar_auth_attempt_id"];

    /// <summary>
    /// A sign-in carrying the token of a pending invitation to the signed-in user's own email accepts it (as the
    /// token stored on a magic auth code does); an unknown, expired, revoked or foreign token is ignored.
    /// </summary>
    private void AcceptOnSignIn(string? invitationToken, User user)
    {
        if (invitationToken is not null &&
            S.Invitations.Values.FirstOrDefault(i => i.Token == invitationToken) is { } inv &&
            inv.State(Now) == "pending" && string.Equals(inv.Email, user.Email, StringComparison.OrdinalIgnoreCase))
            Accept(inv, user);
    }

    private static string Required(Req q, string key) => q.Str(key) ?? throw InvalidRequest($"{key} is required.");

    /// <summary>WorkOS: 10 authenticate requests per 60 s per email (or challenge id).</summary>
    private void TakeAuthenticate(string key) =>
        S.Limits.Take("authenticate:" + key.ToLowerInvariant(), rt.Options.AuthenticateLimitPerEmail, Now, "authentication");

    // ---------------------------------------------------------------- primary grants

    /// <summary>
    /// Three steps: look up under the lock, verify the hash outside it (an unknown email is checked against a
    /// dummy hash, so it costs the same), then finish under the lock if the user's password did not change meanwhile.
    /// </summary>
    private Reply PasswordGrant(Req q)
    {
        var email = Required(q, "email");
        var password = Required(q, "password");
        var (userId, hash) = Locked(() =>
        {
            TakeAuthenticate(email);
            var user = S.UserByEmail(email);
            var at = email.LastIndexOf('@');
            var domain = at >= 0 ? email[(at + 1)..] : "";
            var ssoOrg = S.Organizations.Values.Where(o => o.SsoOnly && o.Domains.Any(d => string.Equals(d, domain, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(o => o.Id, StringComparer.Ordinal).FirstOrDefault();
            if (ssoOrg is not null)
            {
                var token = user is null ? Rand.Token() : NewPending(user, "Password", "sso", null, false, false).Token;
                throw new ApiException(403, new JsonObject
                {
                    ["error"] = "sso_required",
                    ["error_description"] = "User must authenticate using one of the matching connections.",
                    ["email"] = email,
                    ["connection_ids"] = Json.Strings(ssoOrg.ConnectionIds),
                    ["pending_authentication_token"] = token,
                });
            }
            return (user?.Id, user?.PasswordHash);
        });
        var ok = rt.VerifyPassword(password, hash ?? rt.DummyPasswordHash) && hash is not null;
        return Locked(() =>
        {
            if (!ok || userId is null || S.Users.GetValueOrDefault(userId) is not { } user || user.PasswordHash != hash)
                throw Err.Code(400, "invalid_credentials", "Invalid credentials.");
            RadarStepUp(user, "Password");
            AcceptOnSignIn(q.Str("invitation_token"), user);
            return Proceed(user, "Password", null, emailOk: false, mfaOk: false);
        });
    }

    private Reply MagicAuthGrant(Req q)
    {
        var code = Required(q, "code");
        var email = Required(q, "email");
        TakeAuthenticate(email);
        var user = S.UserByEmail(email) ?? throw InvalidGrant("Invalid or expired magic auth code.");
        var mine = S.MagicAuths.Values.Where(m => m.UserId == user.Id).ToList();
        var ma = mine.FirstOrDefault(m => m.Active && m.Code == code);
        if (ma is null)
        {
            var active = mine.Where(m => m.Active).ToList();
            if (Strike(active) || (active.Count == 0 && mine.MaxBy(m => m.Id, StringComparer.Ordinal) is { Locked: true }))
                throw Err.TooManyAttempts("the magic auth code");
            throw InvalidGrant("Invalid or expired magic auth code.");
        }
        if (Now >= ma.ExpiresAt) throw InvalidGrant("The magic auth code has expired.");
        ma.Used = true;
        ma.UpdatedAt = Now;
        user.EmailVerified = true;
        AcceptOnSignIn(ma.InvitationToken, user);
        AcceptOnSignIn(q.Str("invitation_token"), user);
        return Proceed(user, "MagicAuth", null, emailOk: true, mfaOk: false);
    }

    /// <summary>Counts a wrong code against each one-time code; true when one of them is now invalidated.</summary>
    private bool Strike(IEnumerable<OneTimeCode> codes)
    {
        var locked = false;
        foreach (var c in codes)
            if (++c.WrongAttempts >= rt.Options.MaxWrongAttempts)
            {
                c.Locked = true;
                locked = true;
            }
        return locked;
    }

    /// <summary>
    /// An authorization code is consumed by its first exchange, whatever the outcome. A second exchange is a replay
    /// (RFC 6749 §4.1.2): it fails and revokes what the first exchange issued (sessions and pending step-ups).
    /// </summary>
    private Reply CodeGrant(Req q)
    {
        var code = Required(q, "code");
        var ac = S.AuthCodes.GetValueOrDefault(code) ?? throw InvalidGrant("The authorization code is invalid.");
        if (ac.Used)
        {
            foreach (var sid in ac.SessionIds)
                if (S.Sessions.GetValueOrDefault(sid) is { } s) EndSession(s);
            foreach (var p in S.Pending.Values.Where(p => p.Origin == ac)) p.Used = true;
            throw InvalidGrant("The authorization code was already used; the tokens issued for it are revoked.");
        }
        ac.Used = true;
        if (Now >= ac.ExpiresAt) throw InvalidGrant("The authorization code has expired.");
        var verifier = q.Str("code_verifier");
        if (ac.CodeChallenge is { } challenge)
        {
            if (verifier is null) throw InvalidGrant("code_verifier is required for this code (PKCE).");
            var computed = B64Url.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(challenge)))
                throw InvalidGrant("code_verifier does not match the code_challenge.");
        }
        else if (verifier is not null)
            throw InvalidGrant("code_verifier was given for a code issued without code_challenge.");
        var user = S.Users.GetValueOrDefault(ac.UserId) ?? throw InvalidGrant("The user of this code no longer exists.");
        AcceptOnSignIn(q.Str("invitation_token"), user);
        return Proceed(user, ac.AuthMethod, ac.OrganizationId, emailOk: ac.StepsDone, mfaOk: ac.StepsDone, origin: ac);
    }

    /// <summary>Rotates the refresh token. Reusing a rotated one is theft or a race: it fails and ends the session.</summary>
    private Reply RefreshGrant(Req q)
    {
        var token = Required(q, "refresh_token");
        var entry = S.RefreshTokens.GetValueOrDefault(token);
        var session = entry is null ? null : S.Sessions.GetValueOrDefault(entry.SessionId);
        if (entry is null || session is null || session.Revoked)
            throw InvalidGrant("The refresh token is invalid, expired or its session has ended.");
        if (entry.Rotated)
        {
            EndSession(session);
            throw InvalidGrant("The refresh token was already used; its session has ended.");
        }
        var user = S.Users.GetValueOrDefault(session.UserId) ?? throw InvalidGrant("The user no longer exists.");
        if (q.Str("organization_id") is { } orgId)
        {
            if (!S.Memberships.Values.Any(m => m.UserId == user.Id && m.OrganizationId == orgId && m.Status == "active"))
                throw InvalidGrant($"User is not an active member of organization '{orgId}'.");
            session.OrganizationId = orgId;
        }
        IssueRefreshToken(session);
        return Reply.Ok(AuthPayload(user, session));
    }

    // ---------------------------------------------------------------- follow-up grants

    private PendingAuth TakePending(Req q, params string[] awaiting)
    {
        var token = Required(q, "pending_authentication_token");
        var p = S.Pending.GetValueOrDefault(token);
        if (p is { Locked: true }) throw Err.TooManyAttempts("the pending authentication token");
        var fromPage = q.Http.Request.Path.StartsWithSegments(SignInPath, StringComparison.Ordinal);
        if (p is null || p.Used || !awaiting.Contains(p.Awaiting) || (p.Page is not null) != fromPage)
            throw InvalidGrant("The pending authentication token is invalid or was already used.");
        if (Now >= p.ExpiresAt) throw InvalidGrant("The pending authentication token has expired.");
        if (!S.Users.ContainsKey(p.UserId)) throw InvalidGrant("The user no longer exists.");
        return p;
    }

    /// <summary>Counts a wrong code against the pending token; true when it is now invalidated.</summary>
    private bool Strike(PendingAuth p)
    {
        if (++p.WrongAttempts < rt.Options.MaxWrongAttempts) return false;
        p.Locked = true;
        return true;
    }

    private Reply EmailVerificationGrant(Req q)
    {
        var code = Required(q, "code");
        var p = TakePending(q, "email_verification");
        TakeAuthenticate(S.Users[p.UserId].Email);
        var ev = p.EmailVerificationId is null ? null : S.EmailVerifications.GetValueOrDefault(p.EmailVerificationId);
        if (ev is { Locked: true }) throw Err.TooManyAttempts("the email verification code");
        if (ev is null || ev.Used || ev.Code != code)
        {
            var evLocked = ev is not null && !ev.Used && Strike([ev]);
            if (Strike(p) | evLocked) throw Err.TooManyAttempts("the email verification code and its pending authentication token");
            throw Err.Code(400, "invalid_one_time_code", "The email verification code is invalid.");
        }
        if (Now >= ev.ExpiresAt) throw Err.Code(400, "one_time_code_expired", "The email verification code has expired.");
        ev.Used = true;
        p.Used = true;
        var user = S.Users[p.UserId];
        user.EmailVerified = true;
        user.UpdatedAt = Now;
        return Proceed(user, p.AuthMethod, p.RequestedOrganizationId, emailOk: true, mfaOk: p.MfaSatisfied, origin: p.Origin, page: p.Page);
    }

    private Reply TotpGrant(Req q)
    {
        var code = Required(q, "code");
        var challengeId = Required(q, "authentication_challenge_id");
        TakeAuthenticate("challenge:" + challengeId);
        var p = TakePending(q, "mfa");
        var challenge = S.Challenges.GetValueOrDefault(challengeId);
        var factor = challenge is null ? null : S.Factors.GetValueOrDefault(challenge.FactorId);
        if (challenge is null || factor is null || factor.UserId != p.UserId)
            throw Err.Code(400, "authentication_challenge_not_found", $"Authentication challenge '{challengeId}' does not belong to this authentication.");
        if (challenge.Locked) throw Err.TooManyAttempts("the authentication challenge");
        if (challenge.Used) throw Err.Code(400, "authentication_challenge_previously_verified", "The authentication challenge was already verified.");
        if (Now >= challenge.ExpiresAt) throw Err.Code(400, "authentication_challenge_expired", "The authentication challenge has expired.");
        var step = Totp.MatchStep(factor.Secret, code, Now);
        if (step is null || step <= factor.LastUsedStep)
        {
            var challengeLocked = ++challenge.WrongAttempts >= rt.Options.MaxWrongAttempts;
            if (challengeLocked) challenge.Locked = true;
            if (Strike(p) | challengeLocked) throw Err.TooManyAttempts("the authentication challenge and its pending authentication token");
            throw Err.Code(400, "invalid_one_time_code",
                step is null ? "The TOTP code is invalid." : "The TOTP code was already used; wait for the next one.");
        }
        factor.LastUsedStep = step.Value;
        challenge.Used = true;
        p.Used = true;
        return Proceed(S.Users[p.UserId], p.AuthMethod, p.RequestedOrganizationId, emailOk: true, mfaOk: true, origin: p.Origin, page: p.Page);
    }

    private Reply OrganizationSelectionGrant(Req q)
    {
        var orgId = Required(q, "organization_id");
        var p = TakePending(q, "organization_selection");
        if (!p.OrganizationIds.Contains(orgId) ||
            !S.Memberships.Values.Any(m => m.UserId == p.UserId && m.OrganizationId == orgId && m.Status == "active"))
            throw Err.OAuth(400, "invalid_request", $"Organization '{orgId}' is not one of the organizations the user can select.");
        p.Used = true;
        return Success(S.Users[p.UserId], p.AuthMethod, orgId, p.Origin, p.Page);
    }

    // ---------------------------------------------------------------- step-up chain

    private PendingAuth NewPending(User user, string method, string awaiting, string? org, bool emailOk, bool mfaOk,
        string? evId = null, List<string>? orgs = null, AuthCode? origin = null, SignInRequest? page = null)
    {
        var p = new PendingAuth
        {
            Token = Rand.Token(), UserId = user.Id, AuthMethod = method, Awaiting = awaiting, RequestedOrganizationId = org,
            EmailSatisfied = emailOk, MfaSatisfied = mfaOk, EmailVerificationId = evId, OrganizationIds = orgs ?? [],
            ExpiresAt = Now + PendingLifetime, Origin = origin, Page = page,
        };
        S.Pending[p.Token] = p;
        return p;
    }

    /// <summary>Runs the step-up checks in order (email verification → MFA → organization selection), then signs in.</summary>
    private Reply Proceed(User user, string method, string? requestedOrg, bool emailOk, bool mfaOk, AuthCode? origin = null,
        SignInRequest? page = null)
    {
        if (!emailOk && !user.EmailVerified)
        {
            var ev = NewEmailVerification(user);
            var p = NewPending(user, method, "email_verification", requestedOrg, emailOk, mfaOk, ev.Id, origin: origin, page: page);
            throw new ApiException(403, new JsonObject
            {
                ["code"] = "email_verification_required",
                ["message"] = "Email ownership must be verified before authentication.",
                ["pending_authentication_token"] = p.Token,
                ["email"] = user.Email,
                ["email_verification_id"] = ev.Id,
            });
        }
        if (!mfaOk)
        {
            var factors = S.Factors.Values.Where(f => f.UserId == user.Id).OrderBy(f => f.Id, StringComparer.Ordinal).ToList();
            if (factors.Count > 0)
            {
                var p = NewPending(user, method, "mfa", requestedOrg, true, false, origin: origin, page: page);
                throw new ApiException(403, new JsonObject
                {
                    ["code"] = "mfa_challenge",
                    ["message"] = "The user must complete an MFA challenge to finish authenticating.",
                    ["pending_authentication_token"] = p.Token,
                    ["user"] = user.ToJson(),
                    ["authentication_factors"] = Json.Array(factors, f => new JsonObject { ["id"] = f.Id, ["type"] = "totp" }),
                });
            }
            if (rt.MfaRequired)
            {
                var p = NewPending(user, method, "mfa", requestedOrg, true, false, origin: origin, page: page);
                throw new ApiException(403, new JsonObject
                {
                    ["code"] = "mfa_enrollment",
                    ["message"] = "The user must enroll in MFA to finish authenticating.",
                    ["pending_authentication_token"] = p.Token,
                    ["user"] = user.ToJson(),
                });
            }
        }
        var orgIds = ActiveOrganizationIds(user.Id);
        string? selected = null;
        if (requestedOrg is not null && orgIds.Contains(requestedOrg)) selected = requestedOrg;
        else if (orgIds.Count == 1) selected = orgIds[0];
        else if (orgIds.Count >= 2)
        {
            var p = NewPending(user, method, "organization_selection", requestedOrg, true, true, orgs: orgIds, origin: origin, page: page);
            throw new ApiException(403, new JsonObject
            {
                ["code"] = "organization_selection_required",
                ["message"] = "The user must choose an organization to finish authenticating.",
                ["pending_authentication_token"] = p.Token,
                ["user"] = user.ToJson(),
                ["organizations"] = Json.Array(orgIds, id => new JsonObject { ["id"] = id, ["name"] = S.OrgName(id) }),
            });
        }
        return Success(user, method, selected, origin, page);
    }

    private List<string> ActiveOrganizationIds(string userId) =>
        S.Memberships.Values.Where(m => m.UserId == userId && m.Status == "active" && S.Organizations.ContainsKey(m.OrganizationId))
            .OrderBy(m => m.Id, StringComparer.Ordinal).Select(m => m.OrganizationId).Distinct().ToList();

    private Reply Success(User user, string method, string? orgId, AuthCode? origin = null, SignInRequest? page = null)
    {
        if (page is not null) return IssueCode(user, page, method, orgId, stepsDone: true);
        var session = NewSession(user, method, orgId, impersonator: null);
        origin?.SessionIds.Add(session.Id);
        return Reply.Ok(AuthPayload(user, session));
    }

    private Session NewSession(User user, string method, string? orgId, JsonObject? impersonator)
    {
        var now = Now;
        if (impersonator is null) user.LastSignInAt = now;
        var session = new Session
        {
            Id = S.Ids.Next("session_"), UserId = user.Id, OrganizationId = orgId, AuthMethod = method,
            Impersonator = impersonator, CreatedAt = now,
        };
        S.Sessions[session.Id] = session;
        IssueRefreshToken(session);
        return session;
    }

    private void IssueRefreshToken(Session session)
    {
        if (S.RefreshTokens.GetValueOrDefault(session.RefreshToken) is { } previous) previous.Rotated = true;
        var token = Rand.Token(32);
        session.RefreshToken = token;
        S.RefreshTokens[token] = new RefreshTokenEntry { SessionId = session.Id };
    }

    private JsonObject AuthPayload(User user, Session session, TimeSpan? accessTokenLifetime = null) => new()
    {
        ["user"] = user.ToJson(),
        ["organization_id"] = session.OrganizationId,
        ["access_token"] = AccessToken(session, accessTokenLifetime ?? rt.Options.AccessTokenLifetime),
        ["refresh_token"] = session.RefreshToken,
        ["authentication_method"] = session.AuthMethod,
        ["impersonator"] = session.Impersonator?.DeepClone(),
    };

    /// <summary>
    /// The claim set of WorkOS access tokens: <c>iss</c> = <c>&lt;base url&gt;/user_management/&lt;client id&gt;</c>, no
    /// <c>aud</c>; organization claims when the session is scoped; <c>act</c> when impersonating.
    /// </summary>
    private JsonNode AccessToken(Session session, TimeSpan lifetime)
    {
        var now = Now;
        var claims = new JsonObject
        {
            ["iss"] = $"{rt.BaseUrl}/user_management/{rt.Options.ClientId}",
            ["sub"] = session.UserId,
            ["sid"] = session.Id,
            ["jti"] = S.Ids.Next(""),
        };
        if (session.OrganizationId is { } orgId)
        {
            claims["org_id"] = orgId;
            var m = S.Memberships.Values.FirstOrDefault(x => x.UserId == session.UserId && x.OrganizationId == orgId);
            var roles = m?.RoleSlugs ?? ["member"];
            claims["role"] = roles[0];
            claims["roles"] = Json.Strings(roles);
            claims["permissions"] = Json.Strings(roles.SelectMany(r => S.RolePermissions.GetValueOrDefault(r) ?? []).Distinct());
            var org = S.Organizations.GetValueOrDefault(orgId);
            claims["entitlements"] = Json.Strings(org?.Entitlements ?? []);
            claims["feature_flags"] = Json.Strings(org?.FeatureFlags ?? []);
        }
        if (session.Impersonator?["email"] is { } actor) claims["act"] = new JsonObject { ["sub"] = actor.DeepClone() };
        claims["exp"] = (now + lifetime).ToUnixTimeSeconds();
        claims["iat"] = now.ToUnixTimeSeconds();
        return JsonValue.Create(new UnsignedJwt(rt.Signer, claims))!;
    }

    // ---------------------------------------------------------------- authorize / logout / revoke

    private Reply Authorize(Req q)
    {
        var a = CheckAuthorize(q.Query);
        var hint = q.Query("login_hint");
        if (string.IsNullOrEmpty(hint)) return PasswordForm(a, "", "", 200); // the hosted sign-in page: SignInPage.cs
        var user = S.UserByEmail(hint)
            ?? throw InvalidRequest("login_hint must be the email of an existing user (leave it out to sign in on the emulator's page).");
        return IssueCode(user, a, a.AuthMethod, a.Organization, stepsDone: false);
    }

    /// <summary>Every check of an authorize request, before anything is shown or sent to its redirect URI.</summary>
    private SignInRequest CheckAuthorize(Func<string, string?> get)
    {
        var clientId = get("client_id");
        if (string.IsNullOrEmpty(clientId)) throw InvalidRequest("client_id is required.");
        if (clientId != rt.Options.ClientId) throw Err.OAuth(400, "invalid_client", $"Unknown client_id '{clientId}'.");
        var redirect = get("redirect_uri");
        if (string.IsNullOrEmpty(redirect)) throw InvalidRequest("redirect_uri is required.");
        if (!Redirects.Allowed(redirect, rt.RedirectUris))
            throw InvalidRequest("redirect_uri is not one of the configured redirect URIs (without configuration: http://localhost or http://127.0.0.1 on any port).");
        if (get("response_type") != "code") throw Err.OAuth(400, "unsupported_response_type", "response_type must be 'code'.");
        var provider = get("provider");
        var connection = get("connection_id");
        var organization = get("organization_id");
        if (string.IsNullOrEmpty(provider) && string.IsNullOrEmpty(connection) && string.IsNullOrEmpty(organization))
            throw InvalidRequest("One of provider, connection_id or organization_id is required.");
        if (!string.IsNullOrEmpty(get("screen_hint")) && provider != "authkit")
            throw InvalidRequest("screen_hint is only allowed with provider 'authkit'.");
        var challenge = get("code_challenge");
        var method = get("code_challenge_method");
        if (!string.IsNullOrEmpty(challenge) && !string.IsNullOrEmpty(method) && method != "S256")
            throw InvalidRequest("code_challenge_method must be 'S256'.");
        if (!string.IsNullOrEmpty(organization) && !S.Organizations.ContainsKey(organization))
            throw InvalidRequest($"Unknown organization_id '{organization}'.");
        var authMethod = !string.IsNullOrEmpty(provider) && provider != "authkit" ? provider
            : !string.IsNullOrEmpty(provider) ? "Password" : "SSO";
        var kept = AuthorizeParams.Select(k => (Key: k, Value: get(k))).Where(x => !string.IsNullOrEmpty(x.Value))
            .Select(x => (x.Key, x.Value!)).ToArray();
        return new SignInRequest(redirect, get("state") is { Length: > 0 } st ? st : null, string.IsNullOrEmpty(challenge) ? null : challenge,
            string.IsNullOrEmpty(method) ? "S256" : method, string.IsNullOrEmpty(organization) ? null : organization, authMethod, kept);
    }

    /// <summary>A single-use authorization code for <paramref name="user"/>, and the 302 that carries it to the redirect URI.</summary>
    private Reply IssueCode(User user, SignInRequest a, string authMethod, string? organization, bool stepsDone)
    {
        var code = Rand.Token(24);
        S.AuthCodes[code] = new AuthCode
        {
            Code = code, UserId = user.Id, AuthMethod = authMethod, OrganizationId = organization,
            CodeChallenge = a.Challenge, CodeChallengeMethod = a.ChallengeMethod, ExpiresAt = Now.AddMinutes(10), StepsDone = stepsDone,
        };
        var location = a.Redirect + (a.Redirect.Contains('?') ? "&" : "?") + "code=" + Uri.EscapeDataString(code);
        if (a.State is { } state) location += "&state=" + Uri.EscapeDataString(state);
        return new Reply(302, null, location);
    }

    private void EndSession(Session session)
    {
        session.Revoked = true;
        session.EndedAt ??= Now;
    }

    private Reply Logout(Req q)
    {
        var sid = q.Query("session_id");
        if (string.IsNullOrEmpty(sid)) throw Err.Validation(("session_id", "required"));
        var returnTo = q.Query("return_to");
        if (!string.IsNullOrEmpty(returnTo) &&
            !Redirects.Allowed(returnTo, rt.RedirectUris) &&
            !(rt.LogoutRedirectUris.Any() && Redirects.Allowed(returnTo, rt.LogoutRedirectUris)))
            throw InvalidRequest("return_to is not a configured redirect or logout redirect URI.");
        var session = S.Sessions.GetValueOrDefault(sid) ?? throw Err.NotFound("Session", sid);
        EndSession(session);
        return !string.IsNullOrEmpty(returnTo)
            ? new Reply(302, null, returnTo)
            : Reply.Ok(new JsonObject { ["session_id"] = sid, ["revoked"] = true });
    }

    private Reply RevokeSession(Req q)
    {
        var sid = q.Str("session_id") ?? throw Err.Code(400, "invalid_request", "session_id is required.");
        var session = S.Sessions.GetValueOrDefault(sid) ?? throw Err.NotFound("Session", sid);
        EndSession(session);
        return Reply.Ok(new JsonObject());
    }

    // ---------------------------------------------------------------- control: clock and minted sessions

    private JsonObject ClockJson() => new()
    {
        ["now"] = Json.Ts(Now),
        ["offset_seconds"] = (long)rt.Clock.Offset.TotalSeconds,
        ["access_token_lifetime_seconds"] = (long)rt.Options.AccessTokenLifetime.TotalSeconds,
    };

    /// <summary><c>POST /_emulate/clock {"advance_seconds": n}</c>: moves the emulator's clock (also in program mode).</summary>
    private Reply AdvanceClock(Req q)
    {
        var seconds = q.Int("advance_seconds") ?? throw Err.Validation(("advance_seconds", "required"));
        if (Math.Abs((long)seconds) > 10L * 366 * 24 * 3600) throw Err.Validation(("advance_seconds", "invalid"));
        rt.Clock.Advance(TimeSpan.FromSeconds(seconds));
        return Reply.Ok(ClockJson());
    }

    /// <summary>
    /// <c>POST /_emulate/sessions</c>: a signed-in session without a sign-in, e.g. with an access token that is already
    /// expired or about to expire (<c>access_token_expires_in</c> seconds, may be ≤ 0) or impersonated.
    /// </summary>
    private Reply MintSession(Req q)
    {
        var errors = new List<(string, string)>();
        var userId = q.Str("user_id");
        if (userId is null) errors.Add(("user_id", "required"));
        var orgId = q.Str("organization_id");
        var expiresIn = q.Int("access_token_expires_in");
        if (expiresIn is { } e && Math.Abs((long)e) > 366L * 24 * 3600) errors.Add(("access_token_expires_in", "invalid"));
        JsonObject? impersonator = null;
        if (q.Body["impersonator"] is JsonObject imp)
        {
            if (imp["email"] is not JsonValue ev || ev.GetValueKind() != System.Text.Json.JsonValueKind.String) errors.Add(("impersonator.email", "required"));
            else if (imp["reason"] is { } r && (r is not JsonValue rv || rv.GetValueKind() != System.Text.Json.JsonValueKind.String)) errors.Add(("impersonator.reason", "invalid_type"));
            else impersonator = new JsonObject { ["email"] = ev.GetValue<string>(), ["reason"] = imp["reason"]?.DeepClone() };
        }
        else if (q.Body["impersonator"] is not null) errors.Add(("impersonator", "invalid_type"));
        if (errors.Count > 0) throw Err.Validation([.. errors]);
        var user = GetUser(userId!);
        if (orgId is not null && !ActiveOrganizationIds(user.Id).Contains(orgId))
            throw Err.Validation(("organization_id", "not_an_active_membership"));
        var method = q.Str("authentication_method") ?? (impersonator is null ? "Password" : "Impersonation");
        var session = NewSession(user, method, orgId, impersonator);
        var lifetime = expiresIn is { } s ? TimeSpan.FromSeconds(s) : rt.Options.AccessTokenLifetime;
        return Reply.Created(AuthPayload(user, session, lifetime));
    }
}
