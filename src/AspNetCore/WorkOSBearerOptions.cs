using Microsoft.AspNetCore.Authentication;

namespace WorkOS.Functional.AspNetCore;

/// <summary>The settings of the WorkOS bearer scheme (<c>AddWorkOSBearer</c>).</summary>
public sealed class WorkOSBearerOptions : AuthenticationSchemeOptions
{
    /// <summary>The WorkOS client ID whose key set signs the tokens; when null, the one of the registered <c>WorkOSOptions</c>, else <c>WORKOS_CLIENT_ID</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// The required issuer (<c>iss</c>). When null, <c>{client base URL}/user_management/{client ID}</c>,
    /// i.e. <c>https://api.workos.com/user_management/{client ID}</c> for the hosted API.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>How far WorkOS's clock and this server's may disagree when judging token times; default 30 seconds (0–5 minutes).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Shows the settings.</summary>
    public override string ToString() => $"WorkOSBearerOptions {{ ClientId = {ClientId}, Issuer = {Issuer}, ClockSkew = {ClockSkew} }}";
}
