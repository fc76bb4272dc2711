using System.Globalization;
using WorkOS.Functional.Emulator;

var options = new EmulatorOptions();
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Missing value after {args[i]}.");
    switch (args[i])
    {
        case "--port": options = options with { Port = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--seed": options = options with { SeedJson = File.ReadAllText(Next()) }; break;
        case "--api-key": options = options with { ApiKey = Next() }; break;
        case "--client-id": options = options with { ClientId = Next() }; break;
        case "--mfa-required": options = options with { MfaRequired = true }; break;
        case "--rate-limit": options = options with { RateLimit = true, RateLimitPerMinute = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--redirect-uri": options = options with { RedirectUris = [.. options.RedirectUris, Next()] }; break;
        case "--logout-redirect-uri": options = options with { LogoutRedirectUris = [.. options.LogoutRedirectUris, Next()] }; break;
        case "--access-token-lifetime": options = options with { AccessTokenLifetime = TimeSpan.FromSeconds(int.Parse(Next(), CultureInfo.InvariantCulture)) }; break;
        case "--authenticate-limit": options = options with { AuthenticateLimitPerEmail = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--magic-auth-limit": options = options with { MagicAuthLimitPerEmail = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--max-wrong-attempts": options = options with { MaxWrongAttempts = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--help" or "-h":
            Console.WriteLine("usage: WorkOS.Functional.Emulator [--port N] [--seed seed.json] [--api-key K] [--client-id C] [--mfa-required] [--rate-limit N]"
                + " [--redirect-uri URI]... [--logout-redirect-uri URI]... [--access-token-lifetime SECONDS]"
                + " [--authenticate-limit N] [--magic-auth-limit N] [--max-wrong-attempts N]");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown argument: {args[i]}");
            return 2;
    }
}

await using var emulator = await WorkOSEmulator.StartCoreAsync(options, consoleLifetime: true, default);
Console.WriteLine($"WorkOS emulator listening on {emulator.BaseUrl.GetLeftPart(UriPartial.Authority)}");
await emulator.WaitForShutdownAsync();
return 0;
