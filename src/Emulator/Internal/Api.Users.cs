using System.Text.Json;
using System.Text.Json.Nodes;

namespace WorkOS.Functional.Emulator.Internal;

internal sealed partial class Api
{
    private Reply ListUsers(Req q)
    {
        var email = q.Query("email");
        var orgId = q.Query("organization_id") ?? q.Query("organization");
        if (string.IsNullOrEmpty(email) && string.IsNullOrEmpty(orgId))
            return Reply.Ok(Page(q, S.Users, u => u.ToJson())); // the whole directory: from its ordered index
        IEnumerable<User> users = S.Users.Values;
        if (!string.IsNullOrEmpty(email))
            users = users.Where(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrEmpty(orgId))
        {
            var members = S.Memberships.Values.Where(m => m.OrganizationId == orgId).Select(m => m.UserId).ToHashSet();
            users = users.Where(u => members.Contains(u.Id));
        }
        return Reply.Ok(Page(q, users, u => u.Id, u => u.ToJson()));
    }

    /// <summary>Shared password / hash / metadata validation for create and update.</summary>
    private static void ValidateCredentials(Req q, List<(string, string)> errors)
    {
        var password = q.Str("password");
        var hash = q.Str("password_hash");
        var hashType = q.Str("password_hash_type");
        if (password is not null && hash is not null) errors.Add(("password", "password_and_password_hash_are_mutually_exclusive"));
        if (hash is not null && hashType is null) errors.Add(("password_hash_type", "required"));
        if (hashType is not null && hash is null) errors.Add(("password_hash", "required"));
        if (hashType is not null && !HashTypes.Contains(hashType)) errors.Add(("password_hash_type", "invalid"));
        if (password is not null && password.Length < Limits.MinPassword) errors.Add(("password", "password_too_short"));
        if (password is not null && password.Length > Limits.MaxPassword) errors.Add(("password", "too_long"));
        if (hash is not null && hash.Length > Limits.MaxShort) errors.Add(("password_hash", "too_long"));
    }

    /// <summary>Shared length rules of create and update (WorkOS: external_id ≤ 64 characters).</summary>
    private static void ValidateLengths(Req q, List<(string, string)> errors)
    {
        if (q.Str("email") is { Length: > Limits.MaxEmail }) errors.Add(("email", "too_long"));
        if (Limits.TooLongName(q.Str("first_name"))) errors.Add(("first_name", "too_long"));
        if (Limits.TooLongName(q.Str("last_name"))) errors.Add(("last_name", "too_long"));
        if (q.Str("external_id") is { Length: > Limits.MaxExternalId }) errors.Add(("external_id", "too_long"));
    }

    /// <summary>WorkOS's metadata limits over the metadata a user would end up with.</summary>
    private static void ValidateMetadataLimits(IReadOnlyDictionary<string, string> current, Dictionary<string, string?>? changes, List<(string, string)> errors)
    {
        if (changes is null) return;
        foreach (var (k, v) in changes)
        {
            if (k.Length == 0 || k.Length > Limits.MaxMetadataKey || !Limits.IsAscii(k)) errors.Add(("metadata", "invalid_key"));
            if (v is not null && (v.Length > Limits.MaxMetadataValue || !Limits.IsAscii(v))) errors.Add(($"metadata.{(k.Length > Limits.MaxMetadataKey ? k[..Limits.MaxMetadataKey] : k)}", "invalid_value"));
        }
        var keys = current.Keys.ToHashSet();
        foreach (var (k, v) in changes)
            if (v is null) keys.Remove(k);
            else keys.Add(k);
        if (keys.Count > Limits.MaxMetadataPairs) errors.Add(("metadata", "too_many_keys"));
    }

    private void RequireUniqueExternalId(string? externalId, string? exceptUserId)
    {
        if (externalId is not null && S.UserByExternalId(externalId) is { } other && other.Id != exceptUserId)
            throw Err.Code(409, "external_id_already_exists", $"A user with external_id '{externalId}' already exists.");
    }

    private static Dictionary<string, string?>? ReadMetadata(Req q, bool allowNull, List<(string, string)> errors)
    {
        if (!q.Body.TryGetPropertyValue("metadata", out var node) || node is null) return null;
        if (node is not JsonObject obj) { errors.Add(("metadata", "invalid_type")); return null; }
        var result = new Dictionary<string, string?>();
        foreach (var (k, v) in obj)
        {
            if (v is null)
            {
                if (!allowNull) { errors.Add(($"metadata.{k}", "invalid_type")); continue; }
                result[k] = null;
            }
            else if (v is JsonValue jv && jv.GetValueKind() == JsonValueKind.String) result[k] = jv.GetValue<string>();
            else errors.Add(($"metadata.{k}", "invalid_type"));
        }
        return result;
    }

    private static void ApplyCredentials(Req q, User user)
    {
        if (q.Str("password") is { } pw)
        {
            user.PasswordHash = q.HashOf("password", pw);
            user.ImportedHash = null;
            user.ImportedHashType = null;
        }
        else if (q.Str("password_hash") is { } hash)
        {
            user.PasswordHash = null;
            user.ImportedHash = hash;
            user.ImportedHashType = q.Str("password_hash_type");
        }
    }

    private Reply CreateUser(Req q)
    {
        var errors = new List<(string, string)>();
        var email = q.Str("email");
        if (email is null) errors.Add(("email", "required"));
        else if (!ValidEmail(email)) errors.Add(("email", "invalid"));
        ValidateCredentials(q, errors);
        ValidateLengths(q, errors);
        var metadata = ReadMetadata(q, allowNull: false, errors);
        ValidateMetadataLimits(new Dictionary<string, string>(), metadata, errors);
        var emailVerified = q.Bool("email_verified");
        if (errors.Count > 0) throw Err.Validation([.. errors]);
        if (S.UserByEmail(email!) is not null)
            throw Err.Code(409, "user_already_exists", $"A user with email '{email}' already exists.");
        RequireUniqueExternalId(q.Str("external_id"), null);
        var now = Now;
        var user = new User
        {
            Id = S.Ids.Next("user_"),
            Email = email!,
            FirstName = q.Str("first_name"),
            LastName = q.Str("last_name"),
            EmailVerified = emailVerified ?? false,
            ExternalId = q.Str("external_id"),
            Metadata = metadata?.ToDictionary(kv => kv.Key, kv => kv.Value!) ?? [],
            CreatedAt = now,
            UpdatedAt = now,
        };
        ApplyCredentials(q, user);
        S.Users[user.Id] = user;
        return Reply.Created(user.ToJson());
    }

    private Reply UpdateUser(Req q)
    {
        var user = GetUser(q.Route("id"));
        var errors = new List<(string, string)>();
        var email = q.Str("email");
        if (email is not null && !ValidEmail(email)) errors.Add(("email", "invalid"));
        ValidateCredentials(q, errors);
        ValidateLengths(q, errors);
        var metadata = ReadMetadata(q, allowNull: true, errors);
        ValidateMetadataLimits(user.Metadata, metadata, errors);
        var emailVerified = q.Bool("email_verified");
        if (errors.Count > 0) throw Err.Validation([.. errors]);
        if (email is not null && !string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase) && S.UserByEmail(email) is not null)
            throw Err.Code(409, "user_already_exists", $"A user with email '{email}' already exists.");
        RequireUniqueExternalId(q.Str("external_id"), user.Id);

        if (email is not null)
        {
            if (!string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase) && emailVerified is null) user.EmailVerified = false;
            user.Email = email;
        }
        if (q.Str("first_name") is { } fn) user.FirstName = fn;
        if (q.Str("last_name") is { } ln) user.LastName = ln;
        if (q.Str("external_id") is { } ext) user.ExternalId = ext;
        if (emailVerified is { } ev) user.EmailVerified = ev;
        ApplyCredentials(q, user);
        if (metadata is not null)
            foreach (var (k, v) in metadata)
                if (v is null) user.Metadata.Remove(k);
                else user.Metadata[k] = v;
        user.UpdatedAt = Now;
        return Reply.Ok(user.ToJson());
    }

    private Reply DeleteUser(Req q)
    {
        var user = GetUser(q.Route("id"));
        S.Users.Remove(user.Id);
        foreach (var m in S.Memberships.Values.Where(m => m.UserId == user.Id).ToList()) S.Memberships.Remove(m.Id);
        foreach (var f in S.Factors.Values.Where(f => f.UserId == user.Id).ToList())
        {
            S.Factors.Remove(f.Id);
            foreach (var c in S.Challenges.Values.Where(c => c.FactorId == f.Id).ToList()) S.Challenges.Remove(c.Id);
        }
        foreach (var s in S.Sessions.Values.Where(s => s.UserId == user.Id).ToList())
        {
            EndSession(s);
            S.Sessions.Remove(s.Id);
        }
        foreach (var p in S.Pending.Values.Where(p => p.UserId == user.Id)) p.Used = true;
        foreach (var c in S.AuthCodes.Values.Where(c => c.UserId == user.Id)) c.Used = true;
        foreach (var x in S.MagicAuths.Values.Where(x => x.UserId == user.Id)) x.Used = true;
        foreach (var x in S.EmailVerifications.Values.Where(x => x.UserId == user.Id)) x.Used = true;
        foreach (var x in S.PasswordResets.Values.Where(x => x.UserId == user.Id)) x.Used = true;
        return Reply.NoContent();
    }

    // ---------------------------------------------------------------- email verification

    private OneTimeCode NewEmailVerification(User user)
    {
        var now = Now;
        foreach (var old in S.EmailVerifications.Values.Where(e => e.UserId == user.Id)) old.Used = true;
        var ev = new OneTimeCode
        {
            Id = S.Ids.Next("email_verification_"), UserId = user.Id, Email = user.Email, Code = Rand.Digits(6),
            ExpiresAt = now.AddMinutes(10), CreatedAt = now, UpdatedAt = now,
        };
        S.EmailVerifications[ev.Id] = ev;
        return ev;
    }

    private Reply SendVerificationEmail(Req q)
    {
        var user = GetUser(q.Route("id"));
        NewEmailVerification(user);
        return Reply.Ok(new JsonObject { ["user"] = user.ToJson() });
    }

    private Reply VerifyEmail(Req q)
    {
        var user = GetUser(q.Route("id"));
        var code = q.Str("code") ?? throw Err.Code(400, "invalid_request", "code is required.");
        var mine = S.EmailVerifications.Values.Where(e => e.UserId == user.Id).ToList();
        var ev = mine.FirstOrDefault(e => e.Active && e.Code == code);
        if (ev is null)
        {
            var active = mine.Where(e => e.Active).ToList();
            if (Strike(active) || (active.Count == 0 && mine.MaxBy(e => e.Id, StringComparer.Ordinal) is { Locked: true }))
                throw Err.TooManyAttempts("the email verification code");
            throw Err.Code(400, "invalid_code", "The email verification code is invalid.");
        }
        if (Now >= ev.ExpiresAt) throw Err.Code(400, "expired_code", "The email verification code has expired.");
        ev.Used = true;
        ev.UpdatedAt = Now;
        user.EmailVerified = true;
        user.UpdatedAt = Now;
        return Reply.Ok(new JsonObject { ["user"] = user.ToJson() });
    }

    // ---------------------------------------------------------------- password reset

    private PasswordReset NewPasswordReset(Req q, string? baseUrl)
    {
        var email = q.Str("email") ?? throw Err.Validation(("email", "required"));
        var user = S.UserByEmail(email) ?? throw Err.NotFound("User with email", email);
        var now = Now;
        var token = Rand.Alnum(32);
        var url = baseUrl ?? "http://localhost/reset-password";
        var pr = new PasswordReset
        {
            Id = S.Ids.Next("password_reset_"), UserId = user.Id, Email = user.Email, Token = token,
            Url = url + (url.Contains('?') ? "&" : "?") + "token=" + token,
            ExpiresAt = now.AddMinutes(60), CreatedAt = now,
        };
        S.PasswordResets[pr.Id] = pr;
        return pr;
    }

    private Reply CreatePasswordReset(Req q) => Reply.Created(NewPasswordReset(q, null).ToJson());

    private Reply SendPasswordResetEmail(Req q)
    {
        var errors = new List<(string, string)>();
        if (q.Str("email") is null) errors.Add(("email", "required"));
        var url = q.Str("password_reset_url");
        if (url is null) errors.Add(("password_reset_url", "required"));
        if (errors.Count > 0) throw Err.Validation([.. errors]);
        NewPasswordReset(q, url);
        return Reply.Ok(new JsonObject());
    }

    private Reply ResetPassword(Req q)
    {
        var errors = new List<(string, string)>();
        var token = q.Str("token");
        var password = q.Str("new_password");
        if (token is null) errors.Add(("token", "required"));
        if (password is null) errors.Add(("new_password", "required"));
        else if (password.Length < Limits.MinPassword) errors.Add(("new_password", "password_too_short"));
        else if (password.Length > Limits.MaxPassword) errors.Add(("new_password", "too_long"));
        if (errors.Count > 0) throw Err.Validation([.. errors]);
        var pr = S.PasswordResets.Values.FirstOrDefault(p => p.Token == token && !p.Used)
                 ?? throw Err.Code(400, "password_reset_token_invalid", "The password reset token is invalid or was already used.");
        if (Now >= pr.ExpiresAt) throw Err.Code(400, "password_reset_token_expired", "The password reset token has expired.");
        var user = GetUser(pr.UserId);
        pr.Used = true;
        user.PasswordHash = q.HashOf("new_password", password!);
        user.ImportedHash = null;
        user.ImportedHashType = null;
        user.EmailVerified = true;
        user.UpdatedAt = Now;
        return Reply.Ok(new JsonObject { ["user"] = user.ToJson() });
    }

    // ---------------------------------------------------------------- magic auth

    private OneTimeCode CreateMagicAuth(Req q)
    {
        var email = q.Str("email");
        if (email is null) throw Err.Validation(("email", "required"));
        if (email.Length > Limits.MaxEmail) throw Err.Validation(("email", "too_long"));
        if (!ValidEmail(email)) throw Err.Validation(("email", "invalid"));
        var invitationToken = q.Str("invitation_token");
        if (invitationToken is { Length: > Limits.MaxShort }) throw Err.Validation(("invitation_token", "too_long"));
        S.Limits.Take("magic_auth:" + email.ToLowerInvariant(), rt.Options.MagicAuthLimitPerEmail, Now, "Magic Auth");
        var now = Now;
        var user = S.UserByEmail(email);
        if (user is null)
        {
            user = new User { Id = S.Ids.Next("user_"), Email = email, CreatedAt = now, UpdatedAt = now };
            S.Users[user.Id] = user;
        }
        var ma = new OneTimeCode
        {
            Id = S.Ids.Next("magic_auth_"), UserId = user.Id, Email = user.Email, Code = Rand.Digits(6),
            InvitationToken = invitationToken, ExpiresAt = now.AddMinutes(10), CreatedAt = now, UpdatedAt = now,
        };
        S.MagicAuths[ma.Id] = ma;
        return ma;
    }

    // ---------------------------------------------------------------- factors

    private Reply EnrollFactor(Req q)
    {
        var user = GetUser(q.Route("id"));
        var type = q.Str("type");
        if (type is null) throw Err.Validation(("type", "required"));
        if (type != "totp") throw Err.Validation(("type", "invalid"));
        byte[] secret;
        if (q.Str("totp_secret") is { } s)
        {
            if (!Base32.TryDecode(s, out secret)) throw Err.Validation(("totp_secret", "invalid"));
        }
        else secret = System.Security.Cryptography.RandomNumberGenerator.GetBytes(20);
        if (q.Str("totp_issuer") is { Length: > Limits.MaxShort }) throw Err.Validation(("totp_issuer", "too_long"));
        if (q.Str("totp_user") is { Length: > Limits.MaxShort }) throw Err.Validation(("totp_user", "too_long"));
        var factor = S.CreateFactor(user, secret, q.Str("totp_issuer"), q.Str("totp_user"));
        var challenge = NewChallenge(factor);
        return Reply.Created(new JsonObject
        {
            ["authentication_factor"] = factor.ToJson(withSecrets: true),
            ["authentication_challenge"] = challenge.ToJson(),
        });
    }

    private Challenge NewChallenge(Factor factor)
    {
        var now = Now;
        var c = new Challenge { Id = S.Ids.Next("auth_challenge_"), FactorId = factor.Id, ExpiresAt = now.AddMinutes(5), CreatedAt = now };
        S.Challenges[c.Id] = c;
        return c;
    }

    private Reply ListFactors(Req q)
    {
        var user = GetUser(q.Route("id"));
        return Reply.Ok(Page(q, S.Factors.Values.Where(f => f.UserId == user.Id), f => f.Id, f => f.ToJson(withSecrets: false)));
    }

    private Reply ChallengeFactor(Req q)
    {
        var factor = S.Factors.GetValueOrDefault(q.Route("id")) ?? throw Err.NotFound("Authentication factor", q.Route("id"));
        return Reply.Created(NewChallenge(factor).ToJson());
    }
}
