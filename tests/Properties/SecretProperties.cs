namespace WorkOS.Functional.Properties;

/// <summary><c>ToString()</c> of requests, descriptions, responses, errors and the client never shows a secret.</summary>
public sealed class SecretProperties
{
    [Property]
    public Property Requests_and_their_descriptions_never_print_passwords_or_hashes() =>
        Prop.ForAll(Gens.SecretValue.ToArbitrary(), secret =>
        {
            var create = T.Valid(CreateUserRequest.Create("a@b.co", password: secret));
            var hashed = T.Valid(UpdateUserRequest.Create("user_1", passwordHash: secret, passwordHashType: PasswordHashType.Bcrypt));
            var texts = new object[] { create, hashed, Encode.CreateUser(create, T.Key), Encode.UpdateUser(hashed, T.Key),
                Encode.CreateUser(create, Secret.Of(secret)), create.Password, Secret.Of(secret) };
            return texts.All(t => !t.ToString()!.Contains(secret)) && T.Body(Encode.CreateUser(create, T.Key)).Contains(secret);
        });

    [Property]
    public Property Step_up_errors_never_print_the_pending_token_or_the_raw_body() =>
        Prop.ForAll(Gens.SecretValue.ToArbitrary(), Gen.Elements("email_verification_required", "sso_required", "radar_x").ToArbitrary(), (token, code) =>
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
        Prop.ForAll(Gens.SecretValue.ToArbitrary(), key =>
            WorkOSClient.Create(key, "https://api.workos.com").Match(Right: c => !c.ToString().Contains(key), Left: static _ => false));

    [Property]
    public Property Responses_never_print_their_body() =>
        Prop.ForAll(Gens.SecretValue.ToArbitrary(), secret => !T.Json(200, $"{{\"access_token\":\"{secret}\"}}").ToString().Contains(secret));

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
        Prop.ForAll(Gens.SecretValue.ToArbitrary(), token =>
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
