using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace WorkOS.Functional.Emulator.Internal;

/// <summary>
/// The device flow's verification page (RFC 8628 §3.3), plain server-rendered HTML at the
/// <c>verification_uri</c>: the person enters the user code, signs in with email and password, and
/// approves or denies the device. No JavaScript, no cookies; everything shown is HTML-encoded.
/// </summary>
internal static class DevicePage
{
    public const string Path = "/device";
    private const string Alphabet = "BCDFGHJKLMNPQRSTVWXZ"; // no vowels (no words), no look-alikes

    public static string NewUserCode()
    {
        var chars = new char[9];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = i == 4 ? '-' : Alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }

    /// <summary>Upper-cases and restores the dash, so <c>bcdf ghjk</c> and <c>BCDFGHJK</c> match <c>BCDF-GHJK</c>.</summary>
    public static string Normalize(string userCode)
    {
        var letters = new string(userCode.Where(char.IsAsciiLetter).Select(char.ToUpperInvariant).ToArray());
        return letters.Length == 8 ? letters[..4] + "-" + letters[4..] : letters;
    }

    /// <summary>Approves (for <paramref name="user"/>) or denies the pending, unexpired authorization of a user code; null when there is none.</summary>
    public static DeviceAuthorization? Decide(State s, string userCode, User? user, bool approve)
    {
        var code = Normalize(userCode);
        var d = s.Next.Devices.Values.FirstOrDefault(x => x.UserCode == code && x.Status == "pending" && s.Now < x.ExpiresAt);
        if (d is null) return null;
        d.Status = approve ? "approved" : "denied";
        d.UserId = approve ? user?.Id : null;
        return d;
    }

    public static void Map(IEndpointRouteBuilder app, Runtime rt)
    {
        app.MapGet(Path, (RequestDelegate)(ctx =>
            Html(ctx, 200, "Connect a device", Form(ctx.Request.Query["user_code"].ToString(), ""))));
        app.MapPost(Path, (RequestDelegate)(async ctx =>
        {
            if (!ctx.Request.HasFormContentType)
            {
                await Html(ctx, 400, "Connect a device", Form("", "Send the form."));
                return;
            }
            var form = await ctx.Request.ReadFormAsync();
            var (userCode, email, password, action) = (form["user_code"].ToString(), form["email"].ToString(), form["password"].ToString(), form["action"].ToString());
            string title, message;
            int status;
            string? hash;
            lock (rt.Sync) hash = rt.State.UserByEmail(email)?.PasswordHash;
            var passwordOk = rt.VerifyPassword(password, hash ?? rt.DummyPasswordHash) && hash is not null; // hashed outside the lock
            lock (rt.Sync)
            {
                var user = rt.State.UserByEmail(email);
                if (action is not ("approve" or "deny"))
                    (status, title, message) = (400, "Connect a device", "Choose approve or deny.");
                else if (!passwordOk || user?.PasswordHash != hash)
                    (status, title, message) = (401, "Connect a device", "Wrong email or password.");
                else if (Decide(rt.State, userCode, user, action == "approve") is null)
                    (status, title, message) = (400, "Connect a device", "That code is unknown, expired or already used.");
                else if (action == "approve")
                    (status, title, message) = (200, "Device connected", "Device approved. You can return to your device.");
                else
                    (status, title, message) = (200, "Device not connected", "Device sign-in denied.");
            }
            await Html(ctx, status, title, status == 200 ? "" : Form(userCode, message), status == 200 ? message : "");
        }));
    }

    private static string Form(string userCode, string error) => $"""
        {(error.Length > 0 ? $"<p role=\"alert\">{WebUtility.HtmlEncode(error)}</p>" : "")}
        <form method="post" action="{Path}">
          <label>Code shown on your device <input name="user_code" value="{WebUtility.HtmlEncode(userCode)}" autocomplete="off" required></label>
          <label>Email <input name="email" type="email" autocomplete="username" required></label>
          <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
          <button name="action" value="approve">Approve</button>
          <button name="action" value="deny">Deny</button>
        </form>
        """;

    private static async Task Html(HttpContext ctx, int status, string title, string body, string notice = "")
    {
        var page = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)}</title></head>
            <body><h1>{WebUtility.HtmlEncode(title)}</h1>
            {(notice.Length > 0 ? $"<p role=\"status\">{WebUtility.HtmlEncode(notice)}</p>" : "")}
            {body}
            </body></html>
            """;
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "text/html; charset=utf-8";
        ctx.Response.Headers.CacheControl = "no-store";
        await ctx.Response.WriteAsync(page);
    }
}
