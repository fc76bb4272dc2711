namespace WorkOS.Functional.Properties;

/// <summary>No authenticate request, request description or response prints a generated secret.</summary>
public sealed class AuthenticateSecretProperties
{
    private static bool Hidden(string secret, params object[] values) => values.All(v => !v.ToString()!.Contains(secret, StringComparison.Ordinal));

    [Property]
    public Property Grant_requests_and_their_descriptions_never_print_secrets_but_send_them() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), WorkOSValues.SecretValue.ToArbitrary(), (secret, apiKey) =>
        {
            var key = Secret.Of(apiKey);
            var password = T.Valid(AuthenticateWithPasswordRequest.Create("c", "a@b.co", secret));
            var code = T.Valid(AuthenticateWithCodeRequest.Create("c", secret, secret));
            var refresh = T.Valid(AuthenticateWithRefreshTokenRequest.Create("c", secret));
            var magic = T.Valid(AuthenticateWithMagicAuthRequest.Create("c", secret, "a@b.co", secret));
            var totp = T.Valid(AuthenticateWithTOTPRequest.Create("c", secret, secret, "ch"));
            var email = T.Valid(AuthenticateWithEmailVerificationCodeRequest.Create("c", secret, Secret.Of(secret)));
            var org = T.Valid(AuthenticateWithOrganizationSelectionRequest.Create("c", Secret.Of(secret), "org_1"));
            var specs = new[]
            {
                Encode.AuthenticateWithPassword(password, key), Encode.AuthenticateWithCode(code, key), Encode.AuthenticateWithRefreshToken(refresh, key),
                Encode.AuthenticateWithMagicAuth(magic, key), Encode.AuthenticateWithTOTP(totp, key),
                Encode.AuthenticateWithEmailVerificationCode(email, key), Encode.AuthenticateWithOrganizationSelection(org, key),
            };
            return Hidden(secret, password, code, refresh, magic, totp, email, org)
                && specs.All(s => Hidden(secret, s, s.Body) && Hidden(apiKey, s, s.Body))
                && specs.All(s => T.Body(s).Contains(secret) && T.Body(s).Contains(apiKey));
        });

    [Property]
    public Property Responses_never_print_their_tokens() =>
        Prop.ForAll(Gens.AuthResponse.ToArbitrary(), a =>
        {
            var secrets = new[] { a.AccessToken.Reveal(), a.RefreshToken.Reveal() }
                .Concat(a.OAuthTokens.Map(static t => new[] { t.AccessToken.Reveal(), t.RefreshToken.Reveal() }).IfNone([]))
                .Concat(a.AuthkitAuthorizationCode.Map(static c => new[] { c.Reveal() }).IfNone([]));
            var decoded = T.Valid(Decode.AuthenticateResponse(T.Json(200, AuthenticateDecodeProperties.Wire(a))));
            return secrets.All(s => Hidden(s, a, decoded, a.OAuthTokens, decoded.OAuthTokens, decoded.AuthkitAuthorizationCode));
        });
}
