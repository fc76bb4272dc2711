using LanguageExt;
using LanguageExt.Common;
using WorkOS.Functional;
using static LanguageExt.Prelude;

/// <summary>
/// The device flow (RFC 8628) as a CLI signs in, step by step: it asks for a device code, shows the person a short
/// user code and a page to open on another device, and polls until the person approves there. The quickstart plays
/// the person too, filling in the emulator's verification page like a browser would; a server whose page is not
/// that one needs a real person, so the step is skipped there.
/// </summary>
internal static class DeviceFlowDemo
{
    private static Aff<Unit> Say(string line) => Eff(() => { Console.WriteLine(line); return unit; }).ToAff();

    public static Aff<Unit> Run(WorkOSClient client, Settings s, string email, string password) =>
        from _ in Say("\n6. Device flow: a CLI signs in while the person approves in a browser")
        from request in CreateDeviceRequest.Create(s.ClientId).ToAff()
        from device in client.CreateDevice(request)
        from __ in Say($"   CLI: open {device.VerificationUri} and enter the code {device.UserCode} (valid {device.ExpiresIn.TotalMinutes:0} min)")
        from page in VerificationForm(device)
        from done in page.Match(
            None: () => Say("   the verification page needs a real person here: not polling"),
            Some: form =>
                from ___ in ApproveInBrowser(device, form, email, password)
                from ____ in Say($"   CLI: polling every {device.Interval.TotalSeconds:0} s (slow_down adds 5 s; access_denied or expiry stop)")
                from session in client.PollDeviceCode(device, s.ClientId)
                from _____ in Say($"   CLI: signed in as {session.User.Email}; it keeps the refresh token, never the password")
                select unit)
        select unit;

    /// <summary>The person's browser opens the verification page; <c>Some</c> with the form's target when it is the emulator's form.</summary>
    private static Aff<Option<Uri>> VerificationForm(DeviceAuthorizationResponse device) =>
        Aff(async () =>
        {
            using var browser = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var page = await browser.GetAsync(device.VerificationUriComplete.IfNone(device.VerificationUri));
            var html = await page.Content.ReadAsStringAsync();
            return page.IsSuccessStatusCode && html.Contains("name=\"user_code\"") && html.Contains("value=\"approve\"")
                ? Some(new Uri(device.VerificationUri))
                : Option<Uri>.None;
        });

    /// <summary>The person, on another device: signs in on the verification page and approves the code.</summary>
    private static Aff<Unit> ApproveInBrowser(DeviceAuthorizationResponse device, Uri form, string email, string password) =>
        Aff(async () =>
        {
            using var browser = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var fields = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["user_code"] = device.UserCode, ["email"] = email, ["password"] = password, ["action"] = "approve",
            });
            using var answer = await browser.PostAsync(form, fields);
            var html = await answer.Content.ReadAsStringAsync();
            return answer.IsSuccessStatusCode && html.Contains("Device approved")
                ? unit
                : throw new InvalidOperationException($"the verification page answered {(int)answer.StatusCode}");
        }).Bind(_ => Say("   person: signed in on the verification page and approved the code"));
}
