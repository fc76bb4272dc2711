using WorkOS.Functional.Emulator;

namespace WorkOS.Functional.Integration.Support;

/// <summary>
/// An in-process emulator on a random loopback port with a manual clock, and a client for it.
/// The emulator implements the wire spec on its own types, so these tests catch the client's wire mistakes.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string Seed = """
        {
          "redirect_uris": ["https://app.example/callback", "https://app.example/cb"],
          "logout_redirect_uris": ["https://app.example/signed-out"],
          "organizations": [
            {"id": "org_acme", "name": "Acme"},
            {"id": "org_globex", "name": "Globex"},
            {"id": "org_sso", "name": "SSO Only Inc", "domains": ["sso.example"], "sso_only": true, "connection_ids": ["conn_sso_1"]}
          ],
          "users": [
            {"id": "user_plain", "email": "plain@example.com", "password": "correct-horse-1", "email_verified": true, "first_name": "Plain"},
            {"id": "user_unverified", "email": "unverified@example.com", "password": "correct-horse-1", "email_verified": false},
            {"id": "user_totp", "email": "totp@example.com", "password": "correct-horse-1", "email_verified": true, "totp_secret": "JBSWY3DPEHPK3PXP"},
            {"id": "user_multi", "email": "multi@example.com", "password": "correct-horse-1", "email_verified": true},
            {"id": "user_chain", "email": "chain@example.com", "password": "correct-horse-1", "email_verified": false, "totp_secret": "KRSXG5CTMVRXEZLU"},
            {"id": "user_sso", "email": "ana@sso.example", "password": "correct-horse-1", "email_verified": true},
            {"id": "user_ids", "email": "ids@example.com", "password": "correct-horse-1", "email_verified": true, "external_id": "ext/ids 1",
             "identities": [{"idp_id": "108", "type": "OAuth", "provider": "GoogleOAuth"}]}
          ],
          "memberships": [
            {"user": "user_multi", "organization": "org_acme", "role_slug": "admin"},
            {"user": "user_multi", "organization": "org_globex"},
            {"user": "user_chain", "organization": "org_acme"},
            {"user": "user_chain", "organization": "org_globex"}
          ]
        }
        """;

    public WorkOSEmulator Emulator { get; private set; } = null!;
    public EmulatorClock Clock { get; } = new(DateTimeOffset.UtcNow);
    public WorkOSClient Client { get; private set; } = null!;
    public string ClientId => Emulator.ClientId;

    public async Task InitializeAsync()
    {
        // The per-email limits (10 sign-ins, 3 Magic Auth codes per email per minute) are off here: every test of the
        // collection signs in the same seeded users on a clock that only moves when a test moves it. tests/Emulator covers them.
        Emulator = await WorkOSEmulator.StartAsync(new EmulatorOptions
        {
            SeedJson = Seed, Clock = Clock, AuthenticateLimitPerEmail = 0, MagicAuthLimitPerEmail = 0,
        });
        Client = WorkOSClient.Create(Emulator.ApiKey, Emulator.BaseUrl.ToString(), Bounded.Http())
            .IfLeft(e => throw new InvalidOperationException(e.Message));
    }

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    /// <summary>A fresh unique email, so tests sharing the emulator do not collide.</summary>
    public static string NewEmail(string tag = "u") => $"{tag}-{Guid.NewGuid():N}@example.com";
}
