using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace WorkOS.Functional.AspNetCore;

/// <summary>
/// Writing and reading the WorkOS cookies. A sealed session is about 2 KB and fits one cookie; a larger one (many
/// roles, permissions or a long user record) is split by ASP.NET's <see cref="ChunkingCookieManager"/>
/// (<c>wos-session=chunks-2</c>, <c>wos-sessionC1</c>, <c>wos-sessionC2</c>) and joined again on read, so it is never
/// silently dropped by the browser. A cookie that needs no chunking is exactly the Node SDK's.
/// </summary>
internal static class WorkOSCookies
{
    private static readonly ChunkingCookieManager Chunks = new();

    /// <summary>
    /// HttpOnly, SameSite=Lax, and Secure unless the request came over plain http to a loopback host (development):
    /// a Secure cookie over http would be dropped by the browser, and anything but loopback must use https.
    /// </summary>
    public static CookieOptions Options(HttpContext context, string path, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps || !IsLoopback(context.Request.Host),
        SameSite = SameSiteMode.Lax,
        Path = path,
        MaxAge = maxAge,
        IsEssential = true,
    };

    public static bool IsLoopback(HostString host) =>
        host.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Host, out var ip) && IPAddress.IsLoopback(ip));

    public static string? Read(HttpContext context, string name) => Chunks.GetRequestCookie(context, name);

    public static void Write(HttpContext context, string name, string value, CookieOptions options) =>
        Chunks.AppendResponseCookie(context, name, value, options);

    public static void Delete(HttpContext context, string name, CookieOptions options) =>
        Chunks.DeleteCookie(context, name, options);
}
