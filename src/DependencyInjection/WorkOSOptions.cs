namespace WorkOS.Functional.DependencyInjection;

/// <summary>
/// The settings of one registered <see cref="WorkOSClient"/>, bound from the <c>WorkOS</c> configuration
/// section (<c>WorkOS:ApiKey</c>, <c>WorkOS:ClientId</c>, <c>WorkOS:BaseUrl</c>) or, where that leaves a value
/// unset, the variables <c>WORKOS_API_KEY</c>, <c>WORKOS_CLIENT_ID</c>, <c>WORKOS_BASE_URL</c>. Validated when
/// the host starts. <see cref="ToString"/> never shows the API key.
/// </summary>
public sealed class WorkOSOptions
{
    /// <summary>The configuration section bound by <c>AddWorkOS(IConfiguration)</c>.</summary>
    public const string SectionName = "WorkOS";

    /// <summary>The API key (<c>sk_…</c>). Required.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The client ID (<c>client_…</c>) your sign-in requests carry; not needed by the client itself.</summary>
    public string? ClientId { get; set; }

    /// <summary>The API base URL; unset means <c>https://api.workos.com</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Shows the client ID and base URL; the API key prints as <c>***</c> (or <c>(none)</c>).</summary>
    public override string ToString() =>
        $"WorkOSOptions {{ ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")}, ClientId = {ClientId}, BaseUrl = {BaseUrl} }}";
}
