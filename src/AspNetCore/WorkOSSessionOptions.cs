using Microsoft.AspNetCore.Authentication;

namespace WorkOS.Functional.AspNetCore;

/// <summary>
/// The settings of the WorkOS session scheme (<c>AddWorkOSSession</c>) and of the endpoints <c>MapWorkOSAuth</c> maps for it.
/// <see cref="ToString"/> never shows the cookie password.
/// </summary>
public sealed class WorkOSSessionOptions : AuthenticationSchemeOptions
{
    /// <summary>The session cookie's name; default <c>wos-session</c>, as WorkOS's SDKs.</summary>
    public string CookieName { get; set; } = WorkOSAuthenticationDefaults.CookieName;

    /// <summary>
    /// The password the session cookie is sealed with (at least 32 characters; the Node SDK's password ID <c>1</c>, so a
    /// cookie written by WorkOS's Node SDK with the same password is read, and the reverse). When null, the environment
    /// variable <c>WORKOS_COOKIE_PASSWORD</c>. It is never logged or printed.
    /// </summary>
    public string? CookiePassword { get; set; }

    /// <summary>
    /// The absolute callback URL registered with WorkOS as a redirect URI. When null, it is built from the request's
    /// scheme, host and path base plus <see cref="CallbackPath"/>.
    /// </summary>
    public string? RedirectUri { get; set; }

    /// <summary>The prefix of the endpoints: <c>{prefix}/sign-in</c>, <c>/callback</c>, <c>/sign-out</c>, <c>/switch-organization</c>; default <c>/auth</c>.</summary>
    public string PathPrefix { get; set; } = WorkOSAuthenticationDefaults.PathPrefix;

    /// <summary>The sign-in endpoint's path: <c>{PathPrefix}/sign-in</c>.</summary>
    public string SignInPath => PathPrefix.TrimEnd('/') + "/sign-in";

    /// <summary>The callback endpoint's path: <c>{PathPrefix}/callback</c>.</summary>
    public string CallbackPath => PathPrefix.TrimEnd('/') + "/callback";

    /// <summary>The sign-out endpoint's path: <c>{PathPrefix}/sign-out</c>.</summary>
    public string SignOutPath => PathPrefix.TrimEnd('/') + "/sign-out";

    /// <summary>The switch-organization endpoint's path: <c>{PathPrefix}/switch-organization</c>.</summary>
    public string SwitchOrganizationPath => PathPrefix.TrimEnd('/') + "/switch-organization";

    /// <summary>
    /// Where WorkOS sends the browser after sign-out (the <c>return_to</c> of the logout URL; an absolute URL allowed as a
    /// logout redirect in WorkOS), and where sign-out without a session redirects. When null, the app's root URL.
    /// </summary>
    public string? SignedOutRedirect { get; set; }

    /// <summary>The WorkOS client ID; when null, the one of the registered <c>WorkOSOptions</c>, else <c>WORKOS_CLIENT_ID</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>The connection selector of the authorization URL; default <c>authkit</c>, the hosted AuthKit UI.</summary>
    public string Provider { get; set; } = WorkOSAuthenticationDefaults.Provider;

    /// <summary>
    /// The required issuer (<c>iss</c>) of access tokens. When null, <c>{client base URL}/user_management/{client ID}</c>,
    /// i.e. <c>https://api.workos.com/user_management/{client ID}</c> for the hosted API.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>How far WorkOS's clock and this server's may disagree when judging token times; default 30 seconds (0–5 minutes).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The session cookie's lifetime in the browser; when null (the default) a browser-session cookie.</summary>
    public TimeSpan? CookieMaxAge { get; set; }

    /// <summary>Shows the settings; the cookie password prints as <c>***</c> (or <c>(none)</c>).</summary>
    public override string ToString() =>
        $"WorkOSSessionOptions {{ CookieName = {CookieName}, CookiePassword = {(string.IsNullOrEmpty(CookiePassword) ? "(none)" : "***")}, " +
        $"RedirectUri = {RedirectUri}, PathPrefix = {PathPrefix}, SignedOutRedirect = {SignedOutRedirect}, ClientId = {ClientId}, Provider = {Provider} }}";
}
