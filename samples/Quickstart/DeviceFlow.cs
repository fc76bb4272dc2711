using LanguageExt;
using LanguageExt.Common;
using WorkOS.Functional;
using static LanguageExt.Prelude;

/// <summary>
/// The device flow (RFC 8628) as a CLI signs in: it asks for a device code, shows the person a short user code
/// and a page to open on another device, and polls until the person approves there. The quickstart plays the
/// person too, filling in the emulator's verification page like a browser would.
/// </summary>
internal static class DeviceFlowDemo
{
    private static Aff<Unit> Say(string line) => Eff(() => { Console.WriteLine(line); return unit; }).ToAff();

    public static Aff<Unit> Run(WorkOSClient client, Settings s, string email, string password) =>
        from _ in Say("\n6. Device flow: a CLI signs in while the person approves in a browser")
        from request in CreateDeviceRequest.Create(s.ClientId).ToAff()
        from session in client.SignInWithDevice(request, device =>
            from __ in Say($"   CLI: open {device.VerificationUri} and enter the code {device.UserCode} (valid {device.ExpiresIn.TotalMinutes:0} min)")
            from ___ in Say($"   CLI: polling every {device.Interval.TotalSeconds:0} s (slow_down adds 5 s; access_denied or expiry stop)")
            from ____ in ApproveInBrowser(device, email, password)
            select unit)
        from _5 in Say($"   CLI: signed in as {session.User.Email}; it keeps the refresh token, never the password")
        select unit;

    /// <summary>The person, on another device: opens the verification page, signs in and approves the code.</summary>
    private static Aff<Unit> ApproveInBrowser(DeviceAuthorizationResponse device, string email, string password) =>
        Aff(async () =>
        {
            using var browser = new HttpClient();
            using var page = await browser.GetAsync(device.VerificationUriComplete.IfNone(device.VerificationUri));
            page.EnsureSuccessStatusCode();
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["user_code"] = device.UserCode, ["email"] = email, ["password"] = password, ["action"] = "approve",
            });
            using var answer = await browser.PostAsync(device.VerificationUri, form);
            var html = await answer.Content.ReadAsStringAsync();
            return answer.IsSuccessStatusCode && html.Contains("Device approved")
                ? unit
                : throw new InvalidOperationException($"the verification page answered {(int)answer.StatusCode}");
        }).Bind(_ => Say("   person: approved the code on the verification page"));
}
