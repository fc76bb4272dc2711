using System.Net;
using FsCheck;
using FsCheck.Fluent;
using WorkOS.Functional.AspNetCore.Tests.Support;

namespace WorkOS.Functional.AspNetCore.Tests;

/// <summary>Only a path of this site may be a return_to: never another host, whatever its spelling.</summary>
public sealed class OpenRedirectTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    /// <summary>Shapes browsers read as another host or scheme, with a random host and tail.</summary>
    private static readonly string[] Shapes =
        ["//{0}", "/\\{0}", "\\\\{0}", "\\/{0}", "https://{0}", "http:{0}", "//{0}/%2F..", "javascript:alert(1)//{0}", "/\t/{0}", "/\n/{0}",
         " //{0}", "{0}", "https:/{0}", "///{0}", "/\\/{0}", "data:text/html,{0}"];

    private static Gen<string> Hostile =>
        from shape in Gen.Elements(Shapes)
        from host in Gen.Elements("evil.example", "127.0.0.1", "[::1]", "évil.example", "evil.example:8443", "user@evil.example")
        from tail in Gen.Elements("", "/", "/path?x=1", "#frag")
        select string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, host) + tail;

    [Fact]
    public async Task Sign_in_and_switch_organization_refuse_every_hostile_return_to()
    {
        var app = fixture.App;
        using var browser = app.Browser();
        var samples = Gen.Sample(Hostile, 40).Concat(Shapes.Select(s => string.Format(System.Globalization.CultureInfo.InvariantCulture, s, "evil.example"))).Distinct();

        foreach (var returnTo in samples)
        {
            var signIn = await browser.GetAsync($"/auth/sign-in?return_to={Uri.EscapeDataString(returnTo)}");
            Assert.True(signIn.StatusCode == HttpStatusCode.BadRequest, $"sign-in accepted return_to {returnTo}");
            Assert.Null(signIn.Headers.Location);
            Assert.True(Cookies.Find(signIn, "wos-session-verifier").IsNone);

            var switched = await browser.PostFormAsync("/auth/switch-organization",
                [new("organization_id", "org_acme"), new("return_to", returnTo)], r => r.Headers.Add("Sec-Fetch-Site", "same-origin"));
            Assert.True(switched.StatusCode == HttpStatusCode.BadRequest, $"switch accepted return_to {returnTo}");
        }
    }

    [Fact]
    public void Every_accepted_return_to_resolves_to_this_site()
    {
        var site = new Uri("https://app.example/base/");
        Prop.ForAll(ArbMap.Default.ArbFor<string>().Generator.Where(s => s is not null).ToArbitrary(), (string candidate) =>
            !LocalUrl.IsLocal(candidate) || new Uri(site, candidate).Host == "app.example" && new Uri(site, candidate).Scheme == "https")
            .QuickCheckThrowOnFailure();
        Prop.ForAll(Hostile.ToArbitrary(), candidate => !LocalUrl.IsLocal(candidate)).QuickCheckThrowOnFailure();
        Prop.ForAll(Gen.Elements("/", "/me", "/a/b?c=d", "/x#y", "/%2F%2Fevil").ToArbitrary(), LocalUrl.IsLocal).QuickCheckThrowOnFailure();
    }

    [Fact]
    public async Task A_local_return_to_is_where_the_callback_lands()
    {
        var app = fixture.App;
        using var browser = app.Browser();

        var signedIn = await app.SignInAsync(browser, returnTo: "/admin?tab=2#top");

        Assert.Equal("/admin?tab=2#top", signedIn.Callback.Headers.Location!.OriginalString);
    }

    [Fact]
    public void State_comparison_is_exact()
    {
        Prop.ForAll<NonEmptyString, NonEmptyString>((a, b) =>
                WorkOSAuthEndpoints.SameSecret(a.Get, b.Get) == (a.Get == b.Get) && WorkOSAuthEndpoints.SameSecret(a.Get, a.Get) && !WorkOSAuthEndpoints.SameSecret(a.Get, ""))
            .QuickCheckThrowOnFailure();
    }
}
