using System.Text.Json;
using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration.Emulator;

/// <summary>
/// Reads the emulator's documented <c>/_emulate/*</c> helper endpoints with a plain <see cref="HttpClient"/>
/// (not the client under test), standing in for the inbox that would receive codes.
/// </summary>
public static class EmulatorBackdoor
{
    private static readonly HttpClient Http = Bounded.Http();

    /// <summary>The latest email verification of a user: its id and code.</summary>
    public static Task<(string Id, string Code)> LatestEmailVerification(EmulatorFixture emu, string userId) =>
        IdAndCode(emu, $"_emulate/users/{Uri.EscapeDataString(userId)}/email_verification");

    /// <summary>The latest Magic Auth code of a user: its id and code.</summary>
    public static Task<(string Id, string Code)> LatestMagicAuth(EmulatorFixture emu, string userId) =>
        IdAndCode(emu, $"_emulate/users/{Uri.EscapeDataString(userId)}/magic_auth");

    /// <summary>The base32 secret the emulator holds for a TOTP factor.</summary>
    public static async Task<string> TotpSecret(EmulatorFixture emu, string factorId)
    {
        using var doc = await Get(emu, $"_emulate/auth_factors/{Uri.EscapeDataString(factorId)}/totp");
        return doc.RootElement.GetProperty("secret").GetString()!;
    }

    private static async Task<(string Id, string Code)> IdAndCode(EmulatorFixture emu, string path)
    {
        using var doc = await Get(emu, path);
        return (doc.RootElement.GetProperty("id").GetString()!, doc.RootElement.GetProperty("code").GetString()!);
    }

    private static async Task<JsonDocument> Get(EmulatorFixture emu, string path)
    {
        using var response = await Http.GetAsync(new Uri(emu.Emulator.BaseUrl, path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /{path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body);
    }
}
