using System.Text.Json.Nodes;

namespace WorkOS.Functional.Emulator.Internal;

/// <summary>State of the endpoints WorkOS added after Go v6.3 (device flow, Radar, email change, groups).</summary>
internal sealed class NextState
{
    public Dictionary<string, DeviceAuthorization> Devices { get; } = [];
    public Dictionary<string, RadarEmailChallenge> RadarChallenges { get; } = [];
    public Dictionary<string, RadarSms> RadarSms { get; } = [];
    /// <summary>user id → "email" | "sms": the next password sign-in of that user gets this Radar step-up.</summary>
    public Dictionary<string, string> RadarFlags { get; } = [];
    public Dictionary<string, PendingEmailChange> EmailChanges { get; } = [];
    public Dictionary<string, Group> Groups { get; } = [];

    public void Clear()
    {
        Devices.Clear(); RadarChallenges.Clear(); RadarSms.Clear(); RadarFlags.Clear(); EmailChanges.Clear(); Groups.Clear();
    }
}

/// <summary>One RFC 8628 device authorization.</summary>
internal sealed class DeviceAuthorization
{
    public required string DeviceCode { get; init; }
    public required string UserCode { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public int IntervalSeconds { get; set; }
    public DateTimeOffset? LastPollAt { get; set; }
    /// <summary>pending | approved | denied | used</summary>
    public string Status { get; set; } = "pending";
    public string? UserId { get; set; }
}

internal sealed class RadarEmailChallenge
{
    public required string Id { get; init; }
    public required string UserId { get; init; }
    public required string Email { get; init; }
    public required string Code { get; init; }
    public required string PendingToken { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public bool Used { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    public JsonObject ToJson() => new()
    {
        ["object"] = "radar_challenge",
        ["id"] = Id,
        ["type"] = "email",
        ["user_id"] = UserId,
        ["email"] = Email,
        ["expires_at"] = Json.Ts(ExpiresAt),
        ["created_at"] = Json.Ts(CreatedAt),
        ["updated_at"] = Json.Ts(CreatedAt),
        ["code"] = Code,
    };
}

internal sealed class RadarSms
{
    public required string VerificationId { get; init; }
    public required string UserId { get; init; }
    public required string PhoneNumber { get; init; }
    public required string Code { get; init; }
    public required string PendingToken { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public bool Used { get; set; }
    public int Attempts { get; set; }
}

internal sealed class PendingEmailChange
{
    public required string UserId { get; init; }
    public required string NewEmail { get; init; }
    public required string Code { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public bool Used { get; set; }
}

internal sealed class Group
{
    public required string Id { get; init; }
    public required string OrganizationId { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public List<string> MembershipIds { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }

    public JsonObject ToJson() => new()
    {
        ["object"] = "group",
        ["id"] = Id,
        ["organization_id"] = OrganizationId,
        ["name"] = Name,
        ["description"] = Description,
        ["created_at"] = Json.Ts(CreatedAt),
        ["updated_at"] = Json.Ts(CreatedAt),
    };
}
