namespace WorkOS.Functional.AspNetCore;

/// <summary>The default names of the WorkOS authentication schemes and cookies.</summary>
public static class WorkOSAuthenticationDefaults
{
    /// <summary>The session-cookie scheme added by <c>AddWorkOSSession</c>: <c>WorkOS.Session</c>.</summary>
    public const string SessionScheme = "WorkOS.Session";

    /// <summary>The bearer-token scheme added by <c>AddWorkOSBearer</c>: <c>WorkOS.Bearer</c>.</summary>
    public const string BearerScheme = "WorkOS.Bearer";

    /// <summary>The session cookie's name, as WorkOS's SDKs name it: <c>wos-session</c>.</summary>
    public const string CookieName = "wos-session";

    /// <summary>The default path prefix of the endpoints mapped by <c>MapWorkOSAuth</c>: <c>/auth</c>.</summary>
    public const string PathPrefix = "/auth";

    /// <summary>The default <see cref="WorkOSSessionOptions.Provider"/>: <c>authkit</c>.</summary>
    public const string Provider = "authkit";

    /// <summary>The environment variable read when <see cref="WorkOSSessionOptions.CookiePassword"/> is not set.</summary>
    public const string CookiePasswordVariable = "WORKOS_COOKIE_PASSWORD";

    /// <summary>The environment variable read when no client ID is configured.</summary>
    public const string ClientIdVariable = "WORKOS_CLIENT_ID";
}
