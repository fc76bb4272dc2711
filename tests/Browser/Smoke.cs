using Microsoft.Playwright;
using WorkOS.Functional.Emulator;
using Xunit;

namespace WorkOS.Functional.Browser.Tests;

public class Smoke
{
    [ChromiumFact]
    public async Task Chromium_opens_the_sign_in_page()
    {
        await using var emu = await WorkOSEmulator.StartAsync(new EmulatorOptions());
        using var pw = await Playwright.CreateAsync();
        await using var browser = await pw.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Args = ["--no-sandbox"], Headless = true, Timeout = 30000 });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(emu.BaseUrl, $"/user_management/authorize?client_id={emu.ClientId}&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcb&response_type=code&provider=authkit").ToString());
        await Assertions.Expect(page.GetByLabel("Email")).ToBeVisibleAsync();
    }
}
