using System.Text.Json.Nodes;

namespace WorkOS.Functional.Emulator.Internal;

// RFC 8628 device authorization: POST /user_management/authorize/device, the device-code grant, and the
// control endpoints that approve or deny a user code in tests (the person's page is DevicePage).
internal sealed partial class Api
{
    private const string DeviceCodeGrantType = "urn:ietf:params:oauth:grant-type:device_code";
    private static readonly TimeSpan DeviceLifetime = TimeSpan.FromMinutes(5);
    private const int DeviceInterval = 5;

    private void MapDevice(Router r)
    {
        r.Map("POST", "/user_management/authorize/device", CreateDevice, new RouteOptions { OAuthErrors = true });
        r.Map("POST", "/_emulate/device/approve", q => DecideDevice(q, approve: true));
        r.Map("POST", "/_emulate/device/deny", q => DecideDevice(q, approve: false));
    }

    private Reply CreateDevice(Req q)
    {
        var clientId = q.Str("client_id") ?? throw InvalidRequest("client_id is required.");
        if (clientId != rt.Options.ClientId) throw Err.OAuth(400, "invalid_client", $"Unknown client_id '{clientId}'.");
        var device = new DeviceAuthorization
        {
            DeviceCode = Rand.Token(32), UserCode = DevicePage.NewUserCode(), ExpiresAt = Now + DeviceLifetime, IntervalSeconds = DeviceInterval,
        };
        S.Next.Devices[device.DeviceCode] = device;
        var uri = rt.BaseUrl.TrimEnd('/') + DevicePage.Path;
        return Reply.Ok(new JsonObject
        {
            ["device_code"] = device.DeviceCode,
            ["user_code"] = device.UserCode,
            ["verification_uri"] = uri,
            ["verification_uri_complete"] = uri + "?user_code=" + Uri.EscapeDataString(device.UserCode),
            ["expires_in"] = (int)DeviceLifetime.TotalSeconds,
            ["interval"] = device.IntervalSeconds,
        });
    }

    /// <summary>The device-code grant (RFC 8628 §3.5): answers in the OAuth error form with 400.</summary>
    private Reply DeviceCodeGrant(Req q)
    {
        var code = Required(q, "device_code");
        var d = S.Next.Devices.GetValueOrDefault(code) ?? throw InvalidGrant("The device code is invalid.");
        if (d.Status == "used") throw InvalidGrant("The device code was already used.");
        if (Now >= d.ExpiresAt) throw Err.OAuth(400, "expired_token", "The device code has expired.");
        if (d.Status == "denied") throw Err.OAuth(400, "access_denied", "The user denied the device sign-in.");
        if (d.Status == "pending")
        {
            var tooSoon = d.LastPollAt is { } last && Now - last < TimeSpan.FromSeconds(d.IntervalSeconds);
            d.LastPollAt = Now;
            if (tooSoon)
            {
                d.IntervalSeconds += 5;
                throw Err.OAuth(400, "slow_down", "Polling too fast: wait 5 seconds longer between polls.");
            }
            throw Err.OAuth(400, "authorization_pending", "The user has not yet approved the device sign-in.");
        }
        var user = d.UserId is null ? null : S.Users.GetValueOrDefault(d.UserId);
        if (user is null) throw InvalidGrant("The user who approved the device no longer exists.");
        d.Status = "used";
        return Success(user, "Password", null);
    }

    /// <summary><c>/_emulate/device/approve</c> {user_code, user_id | email} and <c>/_emulate/device/deny</c> {user_code}.</summary>
    private Reply DecideDevice(Req q, bool approve)
    {
        var userCode = q.Str("user_code") ?? throw Err.Validation(("user_code", "required"));
        User? user = null;
        if (approve)
        {
            user = q.Str("user_id") is { } id ? GetUser(id)
                : q.Str("email") is { } email ? S.UserByEmail(email) ?? throw Err.NotFound("User with email", email)
                : throw Err.Validation(("user_id", "required"));
        }
        var d = DevicePage.Decide(S, userCode, user, approve) ?? throw Err.NotFound("Pending device authorization with user code", userCode);
        return Reply.Ok(new JsonObject { ["user_code"] = d.UserCode, ["status"] = d.Status });
    }
}
