using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkOS.Functional.AspNetCore.Tests.Support;
using WorkOS.Functional.Emulator;

namespace WorkOS.Functional.AspNetCore.Tests;

/// <summary>The README's Program.cs, compiled here and run against the emulator; a test checks both READMEs show it verbatim.</summary>
public static class ReadmeProgram
{
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        // <readme:aspnetcore>
        builder.Services.AddWorkOS(builder.Configuration);                 // WORKOS_API_KEY, WORKOS_CLIENT_ID, WORKOS_BASE_URL
        builder.Services.AddAuthentication(WorkOSAuthenticationDefaults.SessionScheme)
            .AddWorkOSSession(o => o.CookiePassword = builder.Configuration["WORKOS_COOKIE_PASSWORD"])
            .AddWorkOSBearer();
        builder.Services.AddAuthorization(o => o.AddPolicy("can-read", p => p.RequireWorkOSPermission("widgets:read")));
        var app = builder.Build();
        app.UseAuthentication(); app.UseAuthorization();
        app.MapWorkOSAuth();                                               // /auth/sign-in, /auth/callback, /auth/sign-out, /auth/switch-organization
        app.MapGet("/dashboard", (ClaimsPrincipal user) => $"Hello {user.FindFirstValue(WorkOSClaimTypes.Email)}").RequireAuthorization();
        app.MapGet("/api/widgets", (ClaimsPrincipal user) => new { owner = user.FindFirstValue(WorkOSClaimTypes.UserId) })
            .RequireAuthorization(new AuthorizeAttribute { Policy = "can-read", AuthenticationSchemes = WorkOSAuthenticationDefaults.BearerScheme });
        // </readme:aspnetcore>
        return app;
    }
}

public sealed class ReadmeExampleTests
{
    [Theory]
    [InlineData("README.md")]
    [InlineData("src/AspNetCore/README.md")]
    public void The_README_shows_the_compiled_Program_verbatim(string readme)
    {
        var root = Root();
        var source = File.ReadAllText(Path.Combine(root, "tests", "AspNetCore", "ReadmeExample.cs"));
        var match = Regex.Match(source, @"// <readme:aspnetcore>\r?\n(?<code>.*?)\r?\n\s*// </readme:aspnetcore>", RegexOptions.Singleline);
        Assert.True(match.Success);
        var lines = match.Groups["code"].Value.Split('\n').Select(static l => l.TrimEnd('\r')).ToList();
        Assert.True(lines.Count <= 15, "the README promises set-up in 15 lines at most");
        var indent = lines.Where(static l => l.Trim().Length > 0).Min(static l => l.Length - l.TrimStart().Length);
        var block = string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.Trim()));
        Assert.Contains(block, File.ReadAllText(Path.Combine(root, readme)).Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task The_README_program_signs_in_and_serves_the_bearer_API_with_its_policy()
    {
        await using var emulator = await WorkOSEmulator.StartAsync(new EmulatorOptions { SeedJson = TestApp.Seed, AuthenticateLimitPerEmail = 0 });
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WORKOS_API_KEY"] = emulator.ApiKey, ["WORKOS_CLIENT_ID"] = emulator.ClientId,
            ["WORKOS_BASE_URL"] = emulator.BaseUrl.ToString(), ["WORKOS_COOKIE_PASSWORD"] = TestApp.CookiePassword,
        });
        await using var app = ReadmeProgram.Build(builder);
        await app.StartAsync();
        using var browser = new Browser(new Uri(app.Urls.First()));

        var dashboard = await browser.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        var start = await browser.GetAsync(dashboard.Headers.Location!.OriginalString);
        var callback = (await browser.GetAsync(start.Headers.Location!.AbsoluteUri + "&login_hint=ana%40example.com")).Headers.Location!;
        var landed = await browser.GetAsync(callback.PathAndQuery);
        Assert.Equal("/dashboard", landed.Headers.Location!.OriginalString);
        Assert.Equal("Hello ana@example.com", await (await browser.GetAsync("/dashboard")).Content.ReadAsStringAsync());

        var client = WorkOSClient.Create(emulator.ApiKey, emulator.BaseUrl.ToString(), Bounded.Http()).IfLeft(e => throw new InvalidOperationException(e.Message));
        async Task<HttpStatusCode> Api(string email)
        {
            var token = (await client.AuthenticateWithPassword(AuthenticateWithPasswordRequest.Create(emulator.ClientId, email, TestApp.Password)
                .IfLeft(e => throw new InvalidOperationException(e.Message))).Run()).IfFail(e => throw new InvalidOperationException(e.Message)).AccessToken.Reveal();
            using var caller = new Browser(new Uri(app.Urls.First()));
            return (await caller.GetAsync("/api/widgets", r => r.Headers.Add("Authorization", $"Bearer {token}"))).StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await Api("ana@example.com"));
        Assert.Equal(HttpStatusCode.Forbidden, await Api("bo@example.com"));
        await app.StopAsync();
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "WorkOS.Functional.sln"))) return dir.FullName;
        throw new Xunit.Sdk.XunitException("WorkOS.Functional.sln not found above " + AppContext.BaseDirectory);
    }
}
