using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization; // RequireWorkOSPermission
using WorkOS.Functional;
using WorkOS.Functional.AspNetCore;
using WorkOS.Functional.Emulator;
using WorkOS.Functional.WebApp;

// A minimal web app signed in with WorkOS: a home page, a dashboard behind the session cookie, and a JSON API behind
// bearer access tokens. By default it starts the WorkOS emulator in-process with a demo user who must verify the
// email address, enrol an authenticator app and pick one of two organizations. With WORKOS_API_KEY set it uses that
// environment instead (WORKOS_CLIENT_ID, WORKOS_COOKIE_PASSWORD, optional WORKOS_BASE_URL and WORKOS_REDIRECT_URI).

var useEmulator = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WORKOS_API_KEY"));
await using var emulator = useEmulator ? await WorkOSEmulator.StartAsync(new EmulatorOptions { SeedJson = Demo.Seed }) : null;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(Demo.DefaultUrl); // --urls or ASPNETCORE_URLS win
if (emulator is not null) builder.Configuration.AddInMemoryCollection(Demo.Settings(emulator));
// ASP.NET's request lines (Information) would log the callback's URL with its single-use code: Warning and up only.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

// The emulator's demo sessions need no stable cookie password: a fresh one per run (a restart signs everyone out).
var cookiePassword = builder.Configuration["WORKOS_COOKIE_PASSWORD"] ?? (emulator is null ? null : Demo.NewCookiePassword());

builder.Services.AddWorkOS(builder.Configuration);
builder.Services.AddAuthentication(WorkOSAuthenticationDefaults.SessionScheme)
    .AddWorkOSSession(o =>
    {
        o.CookiePassword = cookiePassword; // null: the handler reads WORKOS_COOKIE_PASSWORD, and refuses to start without one
        o.RedirectUri = builder.Configuration["WORKOS_REDIRECT_URI"]; // null: this app's own /auth/callback, as the browser reached it
    })
    .AddWorkOSBearer();
builder.Services.AddAuthorization(o => o.AddPolicy(Demo.ApiPolicy, p => p
    .AddAuthenticationSchemes(WorkOSAuthenticationDefaults.BearerScheme)
    .RequireWorkOSPermission("widgets:read")));

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapWorkOSAuth();
app.MapGet("/", (HttpContext context) => Pages.Html(Pages.Home(context)));
app.MapGet("/dashboard", async (HttpContext context, WorkOSClient client) =>
        Pages.Html(Pages.Dashboard(context, await Demo.Memberships(client, context.User, context.RequestAborted),
            await context.GetTokenAsync("access_token"), await context.GetTokenAsync("expires_at"))))
    .RequireAuthorization();
app.MapGet("/api/me", (HttpContext context) => Results.Json(Demo.Me(context.User)))
    .RequireAuthorization(Demo.ApiPolicy);

await app.StartAsync();
Console.WriteLine($"WorkOS.Functional web app listening on {string.Join(", ", app.Urls)}");
if (emulator is not null) Console.WriteLine(Demo.Banner(emulator));
await app.WaitForShutdownAsync();
