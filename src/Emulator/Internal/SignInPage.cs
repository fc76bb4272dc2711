using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace WorkOS.Functional.Emulator.Internal;

/// <summary>A checked authorize request: where the code goes, with what, and the query to carry through the page's forms.</summary>
internal sealed record SignInRequest(
    string Redirect, string? State, string? Challenge, string ChallengeMethod, string? Organization, string AuthMethod,
    (string Key, string Value)[] Params);

/// <summary>
/// The hosted sign-in page: <c>GET /user_management/authorize</c> without <c>login_hint</c> shows it, and its forms post
/// back to the same path. Email and password, then as the account needs them the email verification code, TOTP enrolment
/// or challenge, and the organization picker, then the 302 to <c>redirect_uri</c> with <c>code</c> and <c>state</c>. The
/// steps run the same step-up chain and attempt limits as <c>/authenticate</c>; their pending tokens are bound to the page
/// (neither side accepts the other's). Plain HTML, no script, everything echoed is HTML-encoded.
/// </summary>
internal sealed partial class Api
{
    private const string SignInPath = "/user_management/authorize";
    private const string SignInTitle = "Sign in";

    private static readonly string[] AuthorizeParams =
        ["client_id", "redirect_uri", "response_type", "provider", "connection_id", "organization_id", "screen_hint",
         "code_challenge", "code_challenge_method", "state"];

    /// <summary>One handler for every form of the page (unlocked: the password step hashes outside the lock).</summary>
    private Reply SignIn(Req q) => q.Str("step") switch
    {
        "password" => SignInPassword(q),
        "email_verification" => Locked(() => SignInStep(q, EmailVerificationGrant)),
        "totp" => Locked(() => SignInStep(q, TotpGrant)),
        "organization" => Locked(() => SignInStep(q, OrganizationSelectionGrant)),
        _ => throw InvalidRequest("step must be password, email_verification, totp or organization."),
    };

    private Reply SignInPassword(Req q)
    {
        var a = Locked(() => CheckAuthorize(q.Str)); // the same checks as the GET: a bad redirect_uri never gets a form
        var email = q.Str("email") ?? "";
        var password = q.Str("password") ?? "";
        string? userId, hash;
        try
        {
            (userId, hash) = Locked(() =>
            {
                TakeAuthenticate(email);
                var u = S.UserByEmail(email);
                return (u?.Id, u?.PasswordHash);
            });
        }
        catch (ApiException e)
        {
            return PasswordForm(a, email, Describe(e), e.Status);
        }
        var ok = rt.VerifyPassword(password, hash ?? rt.DummyPasswordHash) && hash is not null; // hashed outside the lock
        return Locked(() =>
            !ok || userId is null || S.Users.GetValueOrDefault(userId) is not { } user || user.PasswordHash != hash
                ? PasswordForm(a, email, "Wrong email or password.", 401)
                : NextStep(() => Proceed(user, "Password", a.Organization, emailOk: false, mfaOk: false, page: a)));
    }

    /// <summary>Runs a follow-up grant on the page's pending token; a wrong code shows the same step again with the error.</summary>
    private Reply SignInStep(Req q, Func<Req, Reply> grant)
    {
        var p = S.Pending.GetValueOrDefault(q.Str("pending_authentication_token") ?? "");
        if (p?.Page is null) throw InvalidRequest("This sign-in is unknown or has ended: start again from the application.");
        try
        {
            return NextStep(() => grant(q));
        }
        catch (ApiException e)
        {
            var error = Describe(e);
            return p.Awaiting switch
            {
                "email_verification" => CodeForm(p, "email_verification", "Verification code", e.Status, error),
                "mfa" => CodeForm(p, "totp", "Authentication code", e.Status, error, q.Str("authentication_challenge_id") ?? ""),
                _ => OrganizationForm(p, e.Status, error),
            };
        }
    }

    /// <summary>Runs a step of the chain: its end is the redirect with the code; a step-up becomes the page of that step.</summary>
    private Reply NextStep(Func<Reply> step)
    {
        try
        {
            return step();
        }
        catch (ApiException e) when (e.Body["pending_authentication_token"] is JsonValue t && S.Pending.GetValueOrDefault(t.GetValue<string>()) is { } p)
        {
            var user = S.Users[p.UserId];
            switch (e.Body["code"]?.GetValue<string>())
            {
                case "email_verification_required":
                    return CodeForm(p, "email_verification", "Verification code", 200, "",
                        notice: $"We sent a verification code to {user.Email}.");
                case "mfa_enrollment":
                    var factor = S.CreateFactor(user, System.Security.Cryptography.RandomNumberGenerator.GetBytes(20), null, null);
                    var totp = factor.ToJson(withSecrets: true)["totp"]!;
                    var enrol = $"""
                        <p>Add this key to your authenticator app: <code id="totp-secret">{Enc(factor.SecretBase32)}</code></p>
                        <p><img id="totp-qr" alt="QR code for your authenticator app" src="{Enc(totp["qr_code"]!.GetValue<string>())}"></p>
                        """;
                    return CodeForm(p, "totp", "Authentication code", 200, "", NewChallenge(factor).Id, enrol);
                case "mfa_challenge":
                    var first = S.Factors.Values.Where(f => f.UserId == user.Id).OrderBy(f => f.Id, StringComparer.Ordinal).First();
                    return CodeForm(p, "totp", "Authentication code", 200, "", NewChallenge(first).Id,
                        notice: "Enter the code from your authenticator app.");
                default:
                    return OrganizationForm(p, 200, "");
            }
        }
    }

    private static string Describe(ApiException e) =>
        (e.Body["error_description"] ?? e.Body["message"])?.GetValue<string>() ?? "The sign-in failed.";

    private static string Enc(string s) => WebUtility.HtmlEncode(s);

    private static string Hidden(IEnumerable<(string Key, string Value)> fields) =>
        string.Concat(fields.Select(f => $"<input type=\"hidden\" name=\"{Enc(f.Key)}\" value=\"{Enc(f.Value)}\">\n"));

    private static Reply Page(int status, string body) => new(status, null) { Html = (SignInTitle, body) };

    private static string Alert(string error) => error.Length > 0 ? $"<p role=\"alert\">{Enc(error)}</p>\n" : "";

    private Reply PasswordForm(SignInRequest a, string email, string error, int status) => Page(status, $"""
        {Alert(error)}<form method="post" action="{SignInPath}">
        {Hidden([.. a.Params, ("step", "password")])}<label>Email <input name="email" type="email" value="{Enc(email)}" autocomplete="username" required></label>
          <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
          <button>Continue</button>
        </form>
        """);

    private static Reply CodeForm(PendingAuth p, string step, string label, int status, string error, string challengeId = "",
        string intro = "", string notice = "")
    {
        var fields = new List<(string, string)> { ("step", step), ("pending_authentication_token", p.Token) };
        if (challengeId.Length > 0) fields.Add(("authentication_challenge_id", challengeId));
        return Page(status, $"""
            {Alert(error)}{(notice.Length > 0 ? $"<p role=\"status\">{Enc(notice)}</p>\n" : "")}{intro}
            <form method="post" action="{SignInPath}">
            {Hidden(fields)}<label>{Enc(label)} <input name="code" inputmode="numeric" autocomplete="one-time-code" required></label>
              <button>Continue</button>
            </form>
            """);
    }

    private Reply OrganizationForm(PendingAuth p, int status, string error)
    {
        var buttons = new StringBuilder();
        foreach (var id in p.OrganizationIds)
            buttons.Append($"  <button name=\"organization_id\" value=\"{Enc(id)}\">{Enc(S.OrgName(id) ?? id)}</button>\n");
        return Page(status, $"""
            {Alert(error)}<p>Choose an organization</p>
            <form method="post" action="{SignInPath}">
            {Hidden([("step", "organization"), ("pending_authentication_token", p.Token)])}{buttons}</form>
            """);
    }
}
