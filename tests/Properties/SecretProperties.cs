namespace WorkOS.Functional.Properties;

/// <summary><c>ToString()</c> of requests, descriptions, responses, errors and the client never shows a secret.</summary>
public sealed class SecretProperties
{
    [Property]
    public Property Requests_and_their_descriptions_never_print_passwords_or_hashes() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), secret =>
        {
            var create = T.Valid(CreateUserRequest.Create("a@b.co", password: secret));
            var hashed = T.Valid(UpdateUserRequest.Create("user_1", passwordHash: secret, passwordHashType: PasswordHashType.Bcrypt));
            var texts = new object[] { create, hashed, Encode.CreateUser(create, T.Key), Encode.UpdateUser(hashed, T.Key),
                Encode.CreateUser(create, Secret.Of(secret)), create.Password, Secret.Of(secret) };
            return texts.All(t => !t.ToString()!.Contains(secret)) && T.Body(Encode.CreateUser(create, T.Key)).Contains(secret);
        });

    [Property]
    public Property Step_up_errors_never_print_the_pending_token_or_the_raw_body() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), Gen.Elements("email_verification_required", "sso_required", "radar_x").ToArbitrary(), (token, code) =>
        {
            var body = code == "sso_required"
                ? $$"""{"error":"sso_required","error_description":"d","connection_ids":[],"pending_authentication_token":"{{token}}"}"""
                : $$"""{"code":"{{code}}","message":"m","pending_authentication_token":"{{token}}"}""";
            var error = Decode.Error(T.Json(403, body));
            return error is AuthStepUp step && step.PendingAuthenticationToken.Reveal() == token
                && !error.ToString().Contains(token) && !error.Message.Contains(token)
                && !error.ToException().Message.Contains(token) && !((WorkOSError)error).Context.ToString().Contains(token);
        });

    [Property]
    public Property The_client_never_prints_its_api_key() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), key =>
            WorkOSClient.Create(key, "https://api.workos.com").Match(Right: c => !c.ToString().Contains(key), Left: static _ => false));

    [Property]
    public Property Responses_never_print_their_body() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), secret => !T.Json(200, $"{{\"access_token\":\"{secret}\"}}").ToString().Contains(secret));

    /// <summary>Pairs that differ only a little: case, one code unit of the same length, a lone surrogate, a prefix.</summary>
    private static Gen<(string, string)> NearPairs =>
        from a in Gen.OneOf(WorkOSValues.SecretValue, WorkOSValues.AnyText, Gen.Elements("", "\uD800", "a\uDBFF", "ÄÖ"))
        from kind in Gen.Choose(0, 5)
        select kind switch
        {
            0 => (a, a),
            1 => (a, a.ToUpperInvariant()),
            2 => (a, a.ToLowerInvariant()),
            3 => (a, a.Length == 0 ? "x" : a[..^1] + (char)(a[^1] ^ 1)),
            4 => (a, a + "\uDC00"),
            _ => (a, a.Length == 0 ? a : a[..^1]),
        };

    [Property]
    public Property Secret_equality_is_exactly_ordinal_string_equality() =>
        Prop.ForAll(NearPairs.ToArbitrary(), p =>
        {
            var (a, b) = p;
            var same = string.Equals(a, b, StringComparison.Ordinal);
            return (Secret.Of(a).Equals(Secret.Of(b)) == same && Secret.Of(a).Equals((object)Secret.Of(b)) == same
                && (!same || Secret.Of(a).GetHashCode() == Secret.Of(b).GetHashCode())).Label($"{a} vs {b}");
        });

    [Fact]
    public void Secret_equality_is_case_sensitive_and_tells_lone_surrogates_apart()
    {
        Assert.NotEqual(Secret.Of("Code-ABC"), Secret.Of("code-abc"));
        Assert.NotEqual(Secret.Of("\uD800"), Secret.Of("\uDBFF")); // both are U+FFFD once converted to UTF-8
        Assert.False(Secret.Of("a").Equals(null));
    }

    [Fact]
    public void Secret_equality_compares_in_fixed_time()
    {
        // Timing is not asserted (no speed in unit tests): the comparison itself must be the fixed-time primitive.
        var equals = typeof(Secret).GetMethod(nameof(Secret.Equals), [typeof(Secret)])!;
        var called = Il.CalledMethods(equals);
        Assert.Contains(called, static m => m.DeclaringType == typeof(System.Security.Cryptography.CryptographicOperations)
            && m.Name == nameof(System.Security.Cryptography.CryptographicOperations.FixedTimeEquals));
        Assert.DoesNotContain(called, static m => m.DeclaringType == typeof(string));
    }

    [Fact]
    public void Secret_compares_by_value_and_prints_stars()
    {
        Assert.Equal(Secret.Of("a"), Secret.Of("a"));
        Assert.NotEqual(Secret.Of("a"), Secret.Of("b"));
        Assert.Equal("***", Secret.Of("a").ToString());
        Assert.Equal("x ***", $"x {Secret.Of("a")}");
    }
}

public sealed class PathSecretProperties
{
    [Property]
    public Property Printing_a_FindInvitationByToken_description_masks_the_token_but_the_wire_path_has_it() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), token =>
        {
            var spec = Encode.FindInvitationByToken(T.Valid(FindInvitationByTokenRequest.Create(token)), T.Key);
            return !spec.ToString().Contains(token) && spec.ToString().Contains("/by_token/***")
                && spec.RenderPath() == "/user_management/invitations/by_token/" + T.Seg(token);
        });

    [Fact]
    public void Printing_an_ordinary_description_shows_its_path_query_and_masked_body()
    {
        var spec = Encode.CreateUser(T.Valid(CreateUserRequest.Create("a@b.co", password: "pw-s3cr3t")), T.Key);
        var text = spec.ToString();
        Assert.StartsWith("POST /user_management/users body=", text);
        Assert.DoesNotContain("pw-s3cr3t", text);
        Assert.DoesNotContain("sk_test_props", text);
    }
}

/// <summary>Reads the methods a method body calls, from its IL (call, callvirt, newobj and their tokens).</summary>
public static class Il
{
    public static IReadOnlyList<System.Reflection.MethodBase> CalledMethods(System.Reflection.MethodInfo method)
    {
        var il = method.GetMethodBody()!.GetILAsByteArray()!;
        var found = new List<System.Reflection.MethodBase>();
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] is not (0x28 or 0x6F or 0x73)) continue; // call, callvirt, newobj: one-byte opcodes followed by a method token
            var token = BitConverter.ToInt32(il, i + 1);
            if (token >> 24 is not (0x06 or 0x0A or 0x2B)) continue; // MethodDef, MemberRef, MethodSpec
            try { found.Add(method.Module.ResolveMethod(token, method.DeclaringType!.GetGenericArguments(), null)!); }
            catch (ArgumentException) { } // a byte that only looked like an opcode
        }
        return found;
    }
}
