using System.Diagnostics;
using System.Net.Http.Headers;

namespace WorkOS.Functional.Emulator.Tests;

public class ProgramTests
{
    [Fact]
    public async Task Program_mode_prints_url_serves_and_stops_on_sigterm()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "WorkOS.Functional.Emulator.dll");
        var seed = Path.GetTempFileName();
        await File.WriteAllTextAsync(seed, """{"users":[{"id":"user_prog","email":"p@prog.test","password":"Passw0rd!"}]}""");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { dll, "--port", "0", "--seed", seed, "--api-key", "sk_prog", "--client-id", "client_prog", "--mfa-required",
                                   "--redirect-uri", "https://prog.test/cb", "--access-token-lifetime", "60" })
            psi.ArgumentList.Add(a);
        using var proc = Process.Start(psi)!;
        try
        {
            var line = await proc.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.NotNull(line);
            Assert.StartsWith("WorkOS emulator listening on http://127.0.0.1:", line);
            var url = line!["WorkOS emulator listening on ".Length..];
            Assert.False(url.EndsWith('/'));
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = Harness.CallTimeout };
            Assert.Equal(200, (int)(await http.GetAsync("/health")).StatusCode);
            var req = new HttpRequestMessage(HttpMethod.Get, "/user_management/users/user_prog");
            req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk_prog");
            Assert.Equal(200, (int)(await http.SendAsync(req)).StatusCode);
            Assert.Equal(200, (int)(await http.GetAsync("/sso/jwks/client_prog")).StatusCode);
            var login = await http.PostAsync("/user_management/authenticate", new StringContent(
                """{"client_id":"client_prog","client_secret":"sk_prog","grant_type":"password","email":"p@prog.test","password":"Passw0rd!"}""",
                System.Text.Encoding.UTF8, "application/json"));
            Assert.Contains("email_verification_required", await login.Content.ReadAsStringAsync());
            using var noRedirect = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
            string Authorize(string redirect) =>
                $"/user_management/authorize?client_id=client_prog&redirect_uri={Uri.EscapeDataString(redirect)}&response_type=code&provider=authkit&login_hint=p%40prog.test";
            Assert.Equal(302, (int)(await noRedirect.GetAsync(Authorize("https://prog.test/cb"))).StatusCode);
            Assert.Equal(400, (int)(await noRedirect.GetAsync(Authorize("http://localhost:3000/cb"))).StatusCode);
            var clock = await http.PostAsync("/_emulate/clock", new StringContent("""{"advance_seconds":120}""", System.Text.Encoding.UTF8, "application/json"));
            var clockJson = JsonNode.Parse(await clock.Content.ReadAsStringAsync())!;
            Assert.Equal(120, clockJson["offset_seconds"]!.GetValue<long>());
            Assert.Equal(60, clockJson["access_token_lifetime_seconds"]!.GetValue<long>());

            if (OperatingSystem.IsWindows()) return;
            using (var kill = Process.Start("kill", ["-TERM", proc.Id.ToString()])) await kill.WaitForExitAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await proc.WaitForExitAsync(cts.Token);
            Assert.Equal(0, proc.ExitCode);
        }
        finally
        {
            if (!proc.HasExited) proc.Kill(entireProcessTree: true);
            File.Delete(seed);
        }
    }
}
