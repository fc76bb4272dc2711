using System.Net.Http.Headers;
using System.Text.Json;

namespace WorkOS.Functional.Benchmarks;

// The floor: what a careful hand-written client does for the same wire exchange. Plain records,
// reflection-based System.Text.Json (no source generator, like the client), ResponseHeadersRead and
// DeserializeAsync straight from the response stream, the same URL and the same headers.

public sealed record PlainUser(
    string Id, string Email, string? FirstName, string? LastName, bool EmailVerified, string? ProfilePictureUrl,
    string? LastSignInAt, string? ExternalId, Dictionary<string, string?>? Metadata, string CreatedAt, string UpdatedAt,
    string? Name, string? Locale);

public sealed record PlainListMetadata(string? Before, string? After);

public sealed record PlainUserList(List<PlainUser> Data, PlainListMetadata ListMetadata);

public sealed record PlainAuthenticateResponse(
    PlainUser User, string? OrganizationId, string AccessToken, string RefreshToken, string? AuthenticationMethod);

public sealed record PlainFactorRef(string Id, string Type);

public sealed record PlainMfaChallenge(
    string Code, string Message, string PendingAuthenticationToken, PlainUser User, List<PlainFactorRef> AuthenticationFactors);

public sealed record PlainPasswordGrant(string GrantType, string ClientId, string ClientSecret, string Email, string Password);

public sealed record PlainCreateUser(
    string Email, string? Password, string? FirstName, string? LastName, bool? EmailVerified, string? ExternalId,
    Dictionary<string, string>? Metadata);

/// <summary>The hand-written client the real one is measured against.</summary>
public sealed class BaselineClient(HttpClient http, Uri baseUrl, string apiKey)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly MediaTypeHeaderValue JsonUtf8 = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
    private readonly string root = baseUrl.AbsoluteUri.TrimEnd('/');

    public Task<PlainUser> GetUser(string id, CancellationToken ct = default) =>
        Get<PlainUser>($"{root}/user_management/users/{Uri.EscapeDataString(id)}", ct);

    public Task<PlainUserList> ListUsers(int limit, CancellationToken ct = default) =>
        Get<PlainUserList>($"{root}/user_management/users?limit={limit}&order=desc", ct);

    public async Task<PlainAuthenticateResponse> AuthenticateWithPassword(string clientId, string email, string password, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{root}/user_management/authenticate");
        request.Headers.TryAddWithoutValidation("User-Agent", LiveHttpIO.UserAgent);
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new PlainPasswordGrant("password", clientId, apiKey, email, password), Json));
        content.Headers.ContentType = JsonUtf8;
        request.Content = content;
        return await Send<PlainAuthenticateResponse>(request, ct).ConfigureAwait(false);
    }

    private async Task<T> Get<T>(string url, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", LiveHttpIO.UserAgent);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + apiKey);
        return await Send<T>(request, ct).ConfigureAwait(false);
    }

    private async Task<T> Send<T>(HttpRequestMessage request, CancellationToken ct)
    {
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"status {(int)response.StatusCode}");
        await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync<T>(body, Json, ct).ConfigureAwait(false)
            ?? throw new JsonException("null body");
    }

    /// <summary>The hand-written validate + encode of a CreateUser body: the same checks, the UTF-8 bytes sent.</summary>
    public static byte[] EncodeCreateUser(string email, string password, string firstName, string lastName, string externalId,
        Dictionary<string, string> metadata)
    {
        if (string.IsNullOrWhiteSpace(email) || !IsEmailShaped(email)) throw new ArgumentException("email");
        return JsonSerializer.SerializeToUtf8Bytes(
            new PlainCreateUser(email, password, firstName, lastName, null, externalId, metadata), Json);
    }

    private static bool IsEmailShaped(string value)
    {
        var at = value.IndexOf('@');
        var dot = value.LastIndexOf('.');
        return at > 0 && at == value.LastIndexOf('@') && dot > at + 1 && dot < value.Length - 1
            && !value.AsSpan().ContainsAny(" \t\r\n");
    }
}
