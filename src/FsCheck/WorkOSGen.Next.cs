using V = WorkOS.Functional.FsCheck.WorkOSValues;

namespace WorkOS.Functional.FsCheck;

public static partial class WorkOSGen
{
    /// <summary><see cref="GetJWKSRequest"/>: any path-safe client ID; broken in <c>client_id</c> (blank, <c>.</c>, <c>..</c>).</summary>
    public static RequestGen<GetJWKSRequest> GetJWKS { get; } = ById("GetJWKS", "client_id", GetJWKSRequest.Create);

    /// <summary>
    /// <see cref="ListSessionsRequest"/>: any path ID, limits at their edges, either order, cursors; broken in
    /// <c>user_id</c>, <c>limit</c> or <c>order</c>.
    /// </summary>
    public static RequestGen<ListSessionsRequest> ListSessions { get; } =
        ListByPathId("ListSessions", "user_id", ListSessionsRequest.Create);

    /// <summary><see cref="CreateDeviceRequest"/>: any non-blank client ID; broken in <c>client_id</c> (blank).</summary>
    public static RequestGen<CreateDeviceRequest> CreateDevice { get; } =
        new Spec<string?, CreateDeviceRequest>("CreateDevice", V.Text.Select(static s => (string?)s), CreateDeviceRequest.Create)
            .Break("client_id", Bads.Blank, static (_, v) => v)
            .Build();

    /// <summary>The optional IP address, device ID and user agent of the device and Radar grants.</summary>
    private static Gen<(string? Ip, string? Device, string? Ua)> DeviceContext =>
        from f in Forwarded
        from device in V.MaybeText
        select (f.Ip, device, f.Ua);

    /// <summary><see cref="AuthenticateWithDeviceCodeRequest"/>; broken in <c>client_id</c> or <c>device_code</c> (blank).</summary>
    public static RequestGen<AuthenticateWithDeviceCodeRequest> AuthenticateWithDeviceCode { get; } =
        new Spec<(string? ClientId, Secret? Code, (string? Ip, string? Device, string? Ua) C), AuthenticateWithDeviceCodeRequest>(
            "AuthenticateWithDeviceCode",
            from client in V.Text
            from code in V.SecretValue
            from c in DeviceContext
            select ((string?)client, (Secret?)Secret.Of(code), c),
            static a => AuthenticateWithDeviceCodeRequest.Create(a.ClientId, a.Code, a.C.Ip, a.C.Device, a.C.Ua))
        .Break("client_id", Bads.Blank, static (a, v) => a with { ClientId = v })
        .BreakSecret("device_code", Bads.BlankSecret, static (a, v) => a with { Code = v })
        .Build();

    /// <summary>
    /// <see cref="CreateRadarChallengeRequest"/>: E.164 numbers of 2 to 15 digits; broken in <c>user_id</c>,
    /// <c>pending_authentication_token</c> (blank) or <c>phone_number</c>.
    /// </summary>
    public static RequestGen<CreateRadarChallengeRequest> CreateRadarChallenge { get; } =
        new Spec<(string? UserId, Secret? Pending, string? Phone, (string? Ip, string? Ua) F), CreateRadarChallengeRequest>("CreateRadarChallenge",
            from user in V.Id("user_")
            from pending in V.SecretValue
            from phone in V.PhoneNumber
            from f in Forwarded
            select ((string?)user, (Secret?)Secret.Of(pending), (string?)phone, f),
            static a => CreateRadarChallengeRequest.Create(a.UserId, a.Pending, a.Phone, a.F.Ip, a.F.Ua))
        .Break("user_id", Bads.Blank, static (a, v) => a with { UserId = v })
        .BreakSecret("pending_authentication_token", Bads.BlankSecret, static (a, v) => a with { Pending = v })
        .Break("phone_number", Bads.Phone, static (a, v) => a with { Phone = v })
        .Build();

    /// <summary><see cref="GetRadarChallengeRequest"/>: any path ID; broken in <c>radar_challenge_id</c>.</summary>
    public static RequestGen<GetRadarChallengeRequest> GetRadarChallenge { get; } =
        ById("GetRadarChallenge", "radar_challenge_id", GetRadarChallengeRequest.Create);

    /// <summary>
    /// <see cref="AuthenticateWithRadarEmailChallengeRequest"/>; broken in <c>client_id</c>, <c>code</c>,
    /// <c>radar_challenge_id</c> or <c>pending_authentication_token</c>.
    /// </summary>
    public static RequestGen<AuthenticateWithRadarEmailChallengeRequest> AuthenticateWithRadarEmailChallenge { get; } =
        new Spec<(string? ClientId, string? Code, string? Challenge, Secret? Pending, (string? Ip, string? Device, string? Ua) C),
            AuthenticateWithRadarEmailChallengeRequest>("AuthenticateWithRadarEmailChallenge",
            from client in V.Text
            from code in V.Token(6, 6)
            from challenge in V.Id("radar_challenge_")
            from pending in V.SecretValue
            from c in DeviceContext
            select ((string?)client, (string?)code, (string?)challenge, (Secret?)Secret.Of(pending), c),
            static a => AuthenticateWithRadarEmailChallengeRequest.Create(a.ClientId, a.Code, a.Challenge, a.Pending, a.C.Ip, a.C.Device, a.C.Ua))
        .Break("client_id", Bads.Blank, static (a, v) => a with { ClientId = v })
        .BreakSecret("code", Bads.Blank, static (a, v) => a with { Code = v })
        .Break("radar_challenge_id", Bads.Blank, static (a, v) => a with { Challenge = v })
        .BreakSecret("pending_authentication_token", Bads.BlankSecret, static (a, v) => a with { Pending = v })
        .Build();

    /// <summary>
    /// <see cref="AuthenticateWithRadarSmsChallengeRequest"/>; broken in <c>client_id</c>, <c>code</c>,
    /// <c>verification_id</c>, <c>phone_number</c> or <c>pending_authentication_token</c>.
    /// </summary>
    public static RequestGen<AuthenticateWithRadarSmsChallengeRequest> AuthenticateWithRadarSmsChallenge { get; } =
        new Spec<(string? ClientId, string? Code, string? Verification, string? Phone, Secret? Pending, (string? Ip, string? Device, string? Ua) C),
            AuthenticateWithRadarSmsChallengeRequest>("AuthenticateWithRadarSmsChallenge",
            from client in V.Text
            from code in V.Token(6, 6)
            from verification in V.Id("verification_")
            from phone in V.PhoneNumber
            from pending in V.SecretValue
            from c in DeviceContext
            select ((string?)client, (string?)code, (string?)verification, (string?)phone, (Secret?)Secret.Of(pending), c),
            static a => AuthenticateWithRadarSmsChallengeRequest.Create(a.ClientId, a.Code, a.Verification, a.Phone, a.Pending, a.C.Ip, a.C.Device, a.C.Ua))
        .Break("client_id", Bads.Blank, static (a, v) => a with { ClientId = v })
        .BreakSecret("code", Bads.Blank, static (a, v) => a with { Code = v })
        .Break("verification_id", Bads.Blank, static (a, v) => a with { Verification = v })
        .Break("phone_number", Bads.Phone, static (a, v) => a with { Phone = v })
        .BreakSecret("pending_authentication_token", Bads.BlankSecret, static (a, v) => a with { Pending = v })
        .Build();
}
