using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace WorkOS.Functional.Emulator.Internal;

internal sealed partial class Api
{
    private static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(5);

    private static ApiException InvalidRequest(string what) => Err.OAuth(400, "invalid_request", what);
    private static ApiException InvalidGrant(string what) => Err.OAuth(400, "invalid_grant", what);

    private Reply Authenticate(Req q)
    {
        var clientId = q.Str("client_id") ?? throw InvalidRequest("client_id is required.");
        if (clientId != rt.Options.ClientId) throw Err.OAuth(400, "invalid_client", $"Unknown client_id '{clientId}'.");
        if (q.Str("grant_type") == DeviceCodeGrantType) return DeviceCodeGrant(q); // a public-client grant: no client_secret
        if (q.Str("client_secret") != rt.Options.ApiKey) throw Err.OAuth(401, "invalid_client", "Invalid client_secret.");
        var grant = q.Str("grant_type") ?? throw InvalidRequest("grant_type is required.");
        return grant switch
        {
            "password" => PasswordGrant(q),
            "authorization_code" => CodeGrant(q),
            "refresh_token" => RefreshGrant(q),
            "urn:workos:oauth:grant-type:magic-auth:code" => MagicAuthGrant(q),
            "urn:workos:oauth:grant-type:mfa-totp" => TotpGrant(q),
            "urn:workos:oauth:grant-type:email-verification:code" => EmailVerificationGrant(q),
            "urn:workos:oauth:grant-type:organization-selection" => OrganizationSelectionGrant(q),
            RadarEmailGrantType => RadarEmailGrant(q),
            RadarSmsGrantType => RadarSmsGrant(q),
            _ => throw Err.OAuth(400, "unsupported_grant_type", $"Unsupported grant_type '{grant}'."),
        };
    }

    private static string Required(Req q, string key) => q.Str(key) ?? throw InvalidRequest($"{key} is required.");

    // ---------------------------------------------------------------- primary grants

    private Reply PasswordGrant(Req q)
    {
        var email = Required(q, "email");
        var password = Required(q, "password");
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
        if (user?.PasswordHash is not { } hash || !Passwords.Verify(password, hash))
            throw Err.Code(400, "invalid_credentials", "Invalid credentials.");
        RadarStepUp(user, "Password");
        return Proceed(user, "Password", null, emailOk: false, mfaOk: false);
    }

    private Reply MagicAuthGrant(Req q)
    {
        var code = Required(q, "code");
        var email = Required(q, "email");
        var user = S.UserByEmail(email) ?? throw InvalidGrant("Invalid or expired magic auth code.");
        var ma = S.MagicAuths.Values.FirstOrDefault(m => m.UserId == user.Id && !m.Used && m.Code == code)
                 ?? throw InvalidGrant("Invalid or expired magic auth code.");
        if (Now >= ma.ExpiresAt) throw InvalidGrant("The magic auth code has expired.");
        ma.Used = true;
        ma.UpdatedAt = Now;
        user.EmailVerified = true;
        if (ma.InvitationToken is { } invToken &&
            S.Invitations.Values.FirstOrDefault(i => i.Token == invToken) is { } inv &&
            inv.State(Now) == "pending" && string.Equals(inv.Email, user.Email, StringComparison.OrdinalIgnoreCase))
            Accept(inv, user);
        return Proceed(user, "MagicAuth", null, emailOk: true, mfaOk: false);
    }

    private Reply CodeGrant(Req q)
    {
        var code = Required(q, "code");
        var ac = S.AuthCodes.GetValueOrDefault(code);
        if (ac is null || ac.Used) throw InvalidGrant("The authorization code is invalid or was already used.");
        if (Now >= ac.ExpiresAt) throw InvalidGrant("The authorization code has expired.");
        if (ac.CodeChallenge is { } challenge)
        {
            var verifier = q.Str("code_verifier") ?? throw InvalidGrant("code_verifier is required for this code (PKCE).");
            var computed = ac.CodeChallengeMethod == "plain" ? verifier : B64Url.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(challenge)))
                throw InvalidGrant("code_verifier does not match the code_challenge.");
        }
        var user = S.Users.GetValueOrDefault(ac.UserId) ?? throw InvalidGrant("The user of this code no longer exists.");
        ac.Used = true;
        return Proceed(user, ac.AuthMethod, ac.OrganizationId, emailOk: false, mfaOk: false);
    }

    private Reply RefreshGrant(Req q)
    {
        var token = Required(q, "refresh_token");
        if (!S.RefreshTokens.TryGetValue(token, out var sid) || sid is null ||
            S.Sessions.GetValueOrDefault(sid) is not { Revoked: false } session)
            throw InvalidGrant("The refresh token is invalid, expired or was already used.");
        var user = S.Users.GetValueOrDefault(session.UserId) ?? throw InvalidGrant("The user no longer exists.");
        if (q.Str("organization_id") is { } orgId)
        {
            if (!S.Memberships.Values.Any(m => m.UserId == user.Id && m.OrganizationId == orgId && m.Status == "active"))
                throw InvalidGrant($"User is not an active member of organization '{orgId}'.");
            session.OrganizationId = orgId;
        }
        S.RefreshTokens[token] = null;
        IssueRefreshToken(session);
        return Reply.Ok(AuthPayload(user, session));
    }

    // ---------------------------------------------------------------- follow-up grants

    private PendingAuth TakePending(Req q, params string[] awaiting)
    {
        var token = Required(q, "pending_authentication_token");
        var p = S.Pending.GetValueOrDefault(token);
        if (p is null || p.Used || !awaiting.Contains(p.Awaiting))
            throw InvalidGrant("The pending authentication token is invalid or was already used.");
        if (Now >= p.ExpiresAt) throw InvalidGrant("The pending authentication token has expired.");
        if (!S.Users.ContainsKey(p.UserId)) throw InvalidGrant("The user no longer exists.");
        return p;
    }

    private Reply EmailVerificationGrant(Req q)
    {
        var code = Required(q, "code");
        var p = TakePending(q, "email_verification");
        var ev = p.EmailVerificationId is null ? null : S.EmailVerifications.GetValueOrDefault(p.EmailVerificationId);
        if (ev is null || ev.Used || ev.Code != code)
            throw Err.Code(400, "invalid_one_time_code", "The email verification code is invalid.");
        if (Now >= ev.ExpiresAt) throw Err.Code(400, "one_time_code_expired", "The email verification code has expired.");
        ev.Used = true;
        p.Used = true;
        var user = S.Users[p.UserId];
        user.EmailVerified = true;
        user.UpdatedAt = Now;
        return Proceed(user, p.AuthMethod, p.RequestedOrganizationId, emailOk: true, mfaOk: p.MfaSatisfied);
    }

    private Reply TotpGrant(Req q)
    {
        var code = Required(q, "code");
        var challengeId = Required(q, "authentication_challenge_id");
        var p = TakePending(q, "mfa");
        var challenge = S.Challenges.GetValueOrDefault(challengeId);
        var factor = challenge is null ? null : S.Factors.GetValueOrDefault(challenge.FactorId);
        if (challenge is null || factor is null || factor.UserId != p.UserId)
            throw Err.Code(400, "authentication_challenge_not_found", $"Authentication challenge '{challengeId}' does not belong to this authentication.");
        if (challenge.Used) throw Err.Code(400, "authentication_challenge_previously_verified", "The authentication challenge was already verified.");
        if (Now >= challenge.ExpiresAt) throw Err.Code(400, "authentication_challenge_expired", "The authentication challenge has expired.");
        if (!Totp.Verify(factor.Secret, code, Now))
            throw Err.Code(400, "invalid_one_time_code", "The TOTP code is invalid.");
        challenge.Used = true;
        p.Used = true;
        return Proceed(S.Users[p.UserId], p.AuthMethod, p.RequestedOrganizationId, emailOk: true, mfaOk: true);
    }

    private Reply OrganizationSelectionGrant(Req q)
    {
        var orgId = Required(q, "organization_id");
        var p = TakePending(q, "organization_selection");
        if (!p.OrganizationIds.Contains(orgId) ||
            !S.Memberships.Values.Any(m => m.UserId == p.UserId && m.OrganizationId == orgId && m.Status == "active"))
            throw Err.OAuth(400, "invalid_request", $"Organization '{orgId}' is not one of the organizations the user can select.");
        p.Used = true;
        return Success(S.Users[p.UserId], p.AuthMethod, orgId);
    }

    // ---------------------------------------------------------------- step-up chain

    private PendingAuth NewPending(User user, string method, string awaiting, string? org, bool emailOk, bool mfaOk,
        string? evId = null, List<string>? orgs = null)
    {
        var p = new PendingAuth
        {
            Token = Rand.Token(), UserId = user.Id, AuthMethod = method, Awaiting = awaiting, RequestedOrganizationId = org,
            EmailSatisfied = emailOk, MfaSatisfied = mfaOk, EmailVerificationId = evId, OrganizationIds = orgs ?? [],
            ExpiresAt = Now + PendingLifetime,
        };
        S.Pending[p.Token] = p;
        return p;
    }

    /// <summary>Runs the step-up checks in order (email verification → MFA → organization selection), then signs in.</summary>
    private Reply Proceed(User user, string method, string? requestedOrg, bool emailOk, bool mfaOk)
    {
        if (!emailOk && !user.EmailVerified)
        {
            var ev = NewEmailVerification(user);
            var p = NewPending(user, method, "email_verification", requestedOrg, emailOk, mfaOk, ev.Id);
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
                var p = NewPending(user, method, "mfa", requestedOrg, true, false);
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
                var p = NewPending(user, method, "mfa", requestedOrg, true, false);
                throw new ApiException(403, new JsonObject
                {
                    ["code"] = "mfa_enrollment",
                    ["message"] = "The user must enroll in MFA to finish authenticating.",
                    ["pending_authentication_token"] = p.Token,
                    ["user"] = user.ToJson(),
                });
            }
        }
        var orgIds = S.Memberships.Values.Where(m => m.UserId == user.Id && m.Status == "active" && S.Organizations.ContainsKey(m.OrganizationId))
            .OrderBy(m => m.Id, StringComparer.Ordinal).Select(m => m.OrganizationId).Distinct().ToList();
        string? selected = null;
        if (requestedOrg is not null && orgIds.Contains(requestedOrg)) selected = requestedOrg;
        else if (orgIds.Count == 1) selected = orgIds[0];
        else if (orgIds.Count >= 2)
        {
            var p = NewPending(user, method, "organization_selection", requestedOrg, true, true, orgs: orgIds);
            throw new ApiException(403, new JsonObject
            {
                ["code"] = "organization_selection_required",
                ["message"] = "The user must choose an organization to finish authenticating.",
                ["pending_authentication_token"] = p.Token,
                ["user"] = user.ToJson(),
                ["organizations"] = Json.Array(orgIds, id => new JsonObject { ["id"] = id, ["name"] = S.OrgName(id) }),
            });
        }
        return Success(user, method, selected);
    }

    private Reply Success(User user, string method, string? orgId)
    {
        var now = Now;
        user.LastSignInAt = now;
        var session = new Session { Id = S.Ids.Next("session_"), UserId = user.Id, OrganizationId = orgId, AuthMethod = method, CreatedAt = now };
        S.Sessions[session.Id] = session;
        IssueRefreshToken(session);
        return Reply.Ok(AuthPayload(user, session));
    }

    private void IssueRefreshToken(Session session)
    {
        var token = Rand.Token(32);
        session.RefreshToken = token;
        S.RefreshTokens[token] = session.Id;
    }

    private JsonObject AuthPayload(User user, Session session) => new()
    {
        ["user"] = user.ToJson(),
        ["organization_id"] = session.OrganizationId,
        ["access_token"] = AccessToken(session),
        ["refresh_token"] = session.RefreshToken,
        ["authentication_method"] = session.AuthMethod,
        ["impersonator"] = null,
    };

    private string AccessToken(Session session)
    {
        var now = Now;
        var claims = new JsonObject
        {
            ["iss"] = rt.BaseUrl,
            ["sub"] = session.UserId,
            ["sid"] = session.Id,
            ["jti"] = Rand.Alnum(26),
            ["client_id"] = rt.Options.ClientId,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + AccessTokenLifetime).ToUnixTimeSeconds(),
        };
        if (session.OrganizationId is { } orgId)
        {
            claims["org_id"] = orgId;
            var m = S.Memberships.Values.FirstOrDefault(x => x.UserId == session.UserId && x.OrganizationId == orgId);
            if (m is not null)
            {
                claims["role"] = m.RoleSlugs[0];
                claims["roles"] = Json.Strings(m.RoleSlugs);
            }
            claims["permissions"] = new JsonArray();
        }
        return rt.Signer.Sign(claims);
    }

    // ---------------------------------------------------------------- authorize / logout / revoke

    private Reply Authorize(Req q)
    {
        var clientId = q.Query("client_id");
        if (string.IsNullOrEmpty(clientId)) throw InvalidRequest("client_id is required.");
        if (clientId != rt.Options.ClientId) throw Err.OAuth(400, "invalid_client", $"Unknown client_id '{clientId}'.");
        var redirect = q.Query("redirect_uri");
        if (string.IsNullOrEmpty(redirect) || !Uri.TryCreate(redirect, UriKind.Absolute, out _))
            throw InvalidRequest("redirect_uri is required and must be an absolute URI.");
        if (q.Query("response_type") != "code") throw Err.OAuth(400, "unsupported_response_type", "response_type must be 'code'.");
        var provider = q.Query("provider");
        var connection = q.Query("connection_id");
        var organization = q.Query("organization_id");
        if (string.IsNullOrEmpty(provider) && string.IsNullOrEmpty(connection) && string.IsNullOrEmpty(organization))
            throw InvalidRequest("One of provider, connection_id or organization_id is required.");
        if (!string.IsNullOrEmpty(q.Query("screen_hint")) && provider != "authkit")
            throw InvalidRequest("screen_hint is only allowed with provider 'authkit'.");
        var challenge = q.Query("code_challenge");
        var method = q.Query("code_challenge_method");
        if (!string.IsNullOrEmpty(challenge) && !string.IsNullOrEmpty(method) && method != "S256")
            throw InvalidRequest("code_challenge_method must be 'S256'.");
        if (!string.IsNullOrEmpty(organization) && !S.Organizations.ContainsKey(organization))
            throw InvalidRequest($"Unknown organization_id '{organization}'.");
        var hint = q.Query("login_hint");
        var user = string.IsNullOrEmpty(hint) ? null : S.UserByEmail(hint);
        if (user is null)
            throw InvalidRequest("The emulator has no login UI: pass login_hint with the email of an existing user.");
        var authMethod = !string.IsNullOrEmpty(provider) && provider != "authkit" ? provider
            : !string.IsNullOrEmpty(provider) ? "Password" : "SSO";
        var code = Rand.Token(24);
        S.AuthCodes[code] = new AuthCode
        {
            Code = code, UserId = user.Id, AuthMethod = authMethod,
            OrganizationId = string.IsNullOrEmpty(organization) ? null : organization,
            CodeChallenge = string.IsNullOrEmpty(challenge) ? null : challenge,
            CodeChallengeMethod = string.IsNullOrEmpty(method) ? "S256" : method,
            ExpiresAt = Now.AddMinutes(10),
        };
        var location = redirect + (redirect.Contains('?') ? "&" : "?") + "code=" + Uri.EscapeDataString(code);
        if (q.Query("state") is { Length: > 0 } state) location += "&state=" + Uri.EscapeDataString(state);
        return new Reply(302, null, location);
    }

    private void EndSession(Session session)
    {
        session.Revoked = true;
        session.EndedAt ??= Now;
        if (session.RefreshToken.Length > 0) S.RefreshTokens[session.RefreshToken] = null;
    }

    private Reply Logout(Req q)
    {
        var sid = q.Query("session_id");
        if (string.IsNullOrEmpty(sid)) throw Err.Validation(("session_id", "required"));
        var session = S.Sessions.GetValueOrDefault(sid) ?? throw Err.NotFound("Session", sid);
        EndSession(session);
        return q.Query("return_to") is { Length: > 0 } returnTo
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
}
