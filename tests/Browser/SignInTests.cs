using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WorkOS.Functional.Browser.Tests;

/// <summary>
/// The whole sign-in of samples/WebApp in a real browser (the Debian chromium, driven by Playwright) against the app on
/// real Kestrel and its embedded emulator's hosted sign-in page: email and password, email verification, MFA enrolment
/// with a TOTP computed from the secret on the page, the organization picker, the dashboard, switching organization,
/// the API called with the bearer token, sign-out, and the protected page sending the browser to sign-in again.
/// A screenshot of every step goes to <c>artifacts/browser/</c> under the test output folder.
/// </summary>
public sealed class SignInTests(ITestOutputHelper log)
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);
    private const float StepTimeoutMs = 30_000; // generous for a loaded CI machine: each click, fill, navigation and expectation

    [ChromiumFact(Timeout = 240_000)] // the whole test, on top of each wait's own bound
    public async Task A_person_signs_in_switches_organization_calls_the_api_and_signs_out()
    {
        var shots = Path.Combine(AppContext.BaseDirectory, "artifacts", "browser");
        if (Directory.Exists(shots)) Directory.Delete(shots, recursive: true);
        Directory.CreateDirectory(shots);
        log.WriteLine($"screenshots: {shots}");
        Console.WriteLine($"browser test screenshots: {shots}");

        await using var app = await WebAppProcess.StartAsync(StartLimit);
        log.WriteLine($"web app {app.Url}, emulator {app.EmulatorUrl}");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumFactAttribute.Path, Args = ["--no-sandbox"], Headless = true, Timeout = 30_000,
        });
        await using var context = await browser.NewContextAsync();
        context.SetDefaultTimeout(StepTimeoutMs);
        context.SetDefaultNavigationTimeout(StepTimeoutMs);
        SetDefaultExpectTimeout(StepTimeoutMs);
        var page = await context.NewPageAsync();
        var step = 0;
        async Task Shot(string name)
        {
            var file = Path.Combine(shots, $"{++step:D2}-{name}.png");
            await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        }

        try
        {
            await page.GotoAsync(app.Url + "/");
            await Shot("home");
            await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();

            // The emulator's hosted sign-in page.
            await Expect(page.GetByLabel("Email")).ToBeVisibleAsync();
            Assert.StartsWith(app.EmulatorUrl + "/user_management/authorize?", page.Url);
            await page.GetByLabel("Email").FillAsync(app.DemoUser.Email);
            await page.GetByLabel("Password").FillAsync(app.DemoUser.Password);
            await Shot("email-and-password");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

            await Expect(page.GetByLabel("Verification code")).ToBeVisibleAsync();
            await page.GetByLabel("Verification code").FillAsync(await EmailVerificationCode(context, app.EmailVerificationUrl));
            await Shot("email-verification");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

            await Expect(page.Locator("#totp-secret")).ToBeVisibleAsync();
            var secret = (await page.Locator("#totp-secret").TextContentAsync())!.Trim();
            Assert.Matches("^[A-Z2-7]{16,}$", secret);
            await page.GetByLabel("Authentication code").FillAsync(Authenticator.Code(secret, DateTimeOffset.UtcNow));
            await Shot("mfa-enrolment");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Globex" })).ToBeVisibleAsync();
            await Shot("organization-picker");
            await page.GetByRole(AriaRole.Button, new() { Name = "Acme" }).ClickAsync();

            // Back in the app, signed in, on the page the sign-in started from.
            // A web-first assertion polls the address; WaitForURL also waits for a load event, which once never came
            // (under load, after a redirect chain through the emulator) although the page was already there.
            await Expect(page).ToHaveURLAsync(app.Url + "/dashboard");
            await Expect(page.Locator("#email")).ToHaveTextAsync(app.DemoUser.Email);
            await Expect(page.Locator("#organization")).ToHaveTextAsync("Acme (org_acme)");
            await Expect(page.Locator("#role")).ToHaveTextAsync("admin");
            Assert.True(DateTimeOffset.TryParse(await page.Locator("#expires-at").GetAttributeAsync("datetime"), CultureInfo.InvariantCulture,
                DateTimeStyles.RoundtripKind, out var expires), "the session's expiry is shown");
            Assert.InRange(expires, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1));
            Assert.Contains(await context.CookiesAsync(), c => c.Name == "wos-session" && c.HttpOnly && c.SameSite == SameSiteAttribute.Lax);
            var userId = (await page.Locator("#user-id").TextContentAsync())!;
            Assert.StartsWith("user_", userId);
            Assert.Contains($"/_emulate/users/{userId}/", app.EmailVerificationUrl); // the user the emulator verified
            await Shot("dashboard-acme");

            await page.GetByRole(AriaRole.Button, new() { Name = "Switch organization" }).ClickAsync();
            await Expect(page.Locator("#organization")).ToHaveTextAsync("Globex (org_globex)");
            await Expect(page.Locator("#role")).ToHaveTextAsync("member");
            Assert.Equal(app.Url + "/dashboard", page.Url);
            await Shot("dashboard-globex");

            await page.GetByRole(AriaRole.Button, new() { Name = "Call API" }).ClickAsync();
            await Expect(page.Locator("#api-result")).ToHaveAttributeAsync("data-status", "200");
            using (var me = JsonDocument.Parse((await page.Locator("#api-result").TextContentAsync())!))
            {
                Assert.Equal(userId, me.RootElement.GetProperty("user_id").GetString());
                Assert.Equal("org_globex", me.RootElement.GetProperty("organization_id").GetString());
                Assert.Equal(["widgets:read"], me.RootElement.GetProperty("permissions").EnumerateArray().Select(static p => p.GetString()));
            }
            await Shot("api-called-with-the-token");
            // The API takes bearer tokens only: the browser's session cookie alone does not open it.
            var withCookieOnly = await context.APIRequest.GetAsync(app.Url + "/api/me", new() { MaxRedirects = 0 });
            Assert.Equal(401, withCookieOnly.Status);

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(app.Url + "/");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
            Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name.StartsWith("wos-session", StringComparison.Ordinal)); // chunks too
            await Shot("signed-out");

            // The protected page now sends the browser to sign in again: through /auth/sign-in to the hosted page.
            var challenge = await context.APIRequest.GetAsync(app.Url + "/dashboard", new() { MaxRedirects = 0 });
            Assert.Equal(302, challenge.Status);
            Assert.Equal("/auth/sign-in?return_to=%2Fdashboard", challenge.Headers["location"]);
            await page.GotoAsync(app.Url + "/dashboard");
            await Expect(page.GetByLabel("Password")).ToBeVisibleAsync();
            Assert.StartsWith(app.EmulatorUrl + "/user_management/authorize?", page.Url);
            await Shot("dashboard-asks-to-sign-in-again");

            // Nothing the app printed holds the callback's single-use code (ASP.NET logs each request's URL at Information).
            Assert.DoesNotContain("/auth/callback?", app.Output);
            Assert.DoesNotContain("code=", app.Output);
        }
        catch (Exception e)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "failure.png"), FullPage = true });
            throw new Xunit.Sdk.XunitException($"{e.Message}\n(at {page.Url}; screenshots in {shots})\nthe web app printed:\n{app.Output}");
        }
    }

    /// <summary>The code the emulator "emailed", read through its test API (the person would read the email).</summary>
    private static async Task<string> EmailVerificationCode(IBrowserContext context, string url)
    {
        var response = await context.APIRequest.GetAsync(url);
        Assert.Equal(200, response.Status);
        using var json = JsonDocument.Parse(await response.TextAsync());
        return json.RootElement.GetProperty("code").GetString()!;
    }
}
