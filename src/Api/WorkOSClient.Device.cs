namespace WorkOS.Functional;

public sealed partial class WorkOSClient
{
    /// <summary>
    /// Starts a device sign-in (<c>POST /user_management/authorize/device</c>, RFC 8628 §3.1), sent without the API key.
    /// Show the person <see cref="DeviceAuthorizationResponse.UserCode"/> and the verification URI, then poll.
    /// </summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<DeviceAuthorizationResponse> CreateDevice(CreateDeviceRequest request, CancellationToken ct = default) =>
        Call(Encode.CreateDevice(request, apiKey), Decode.DeviceAuthorizationResponse, ct);

    /// <summary>
    /// Polls once with the device-code grant (<c>POST /user_management/authenticate</c>), without
    /// <c>client_secret</c>. While the person has not decided, this fails with an <see cref="ApiError"/> whose
    /// <see cref="WorkOSError.ErrorCode"/> is <c>authorization_pending</c> or <c>slow_down</c>: use
    /// <see cref="PollDeviceCode"/> for the whole RFC 8628 loop.
    /// </summary>
    /// <param name="request">The validated grant.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<AuthenticateResponse> AuthenticateWithDeviceCode(AuthenticateWithDeviceCodeRequest request, CancellationToken ct = default) =>
        Call(Encode.AuthenticateWithDeviceCode(request, apiKey), Decode.AuthenticateResponse, ct);

    /// <summary>
    /// Polls the device-code grant until the person decides (RFC 8628 §3.4–§3.5): waits the interval before every
    /// poll, keeps polling on <c>authorization_pending</c>, adds 5 seconds for good on <c>slow_down</c>, doubles the
    /// interval after a timed-out request, and stops with <see cref="DeviceAccessDenied"/> on <c>access_denied</c>,
    /// <see cref="DeviceCodeExpired"/> on <c>expired_token</c> or once the code's lifetime has passed, and
    /// <see cref="RequestCancelled"/> when <paramref name="ct"/> fires. Any other error stops it as that error.
    /// Both error forms the API has used are recognised: <c>{"error": …}</c> and <c>{"code": …}</c>, any status.
    /// </summary>
    /// <param name="device">The answer of <see cref="CreateDevice"/>.</param>
    /// <param name="clientId">The WorkOS client ID the device sign-in was started with.</param>
    /// <param name="options">The delay and clock (real ones by default) and optional device details.</param>
    /// <param name="ct">Cancels the waiting and the polling.</param>
    public Aff<AuthenticateResponse> PollDeviceCode(DeviceAuthorizationResponse device, string clientId, DevicePollOptions? options = null, CancellationToken ct = default) =>
        from o in SuccessAff(options ?? new DevicePollOptions())
        from request in AuthenticateWithDeviceCodeRequest.Create(clientId, device.DeviceCode, o.IpAddress, o.DeviceId, o.UserAgent).ToAff()
        from session in DeviceFlow.Poll(() => http.Run(Encode.AuthenticateWithDeviceCode(request, apiKey), ct), device, o, ct)
        select session;

    /// <summary>
    /// The whole device sign-in of a CLI: <see cref="CreateDevice"/>, then <paramref name="show"/> (print the user code
    /// and the verification URI, or open <see cref="DeviceAuthorizationResponse.VerificationUriComplete"/>), then
    /// <see cref="PollDeviceCode"/> until the person approves or denies it on another device.
    /// </summary>
    /// <param name="request">The validated request.</param>
    /// <param name="show">Shows the person what to do; runs once, before the first wait.</param>
    /// <param name="options">The delay and clock (real ones by default) and optional device details.</param>
    /// <param name="ct">Cancels every request and wait of the flow.</param>
    public Aff<AuthenticateResponse> SignInWithDevice(CreateDeviceRequest request, Func<DeviceAuthorizationResponse, Aff<Unit>> show,
        DevicePollOptions? options = null, CancellationToken ct = default) =>
        from device in CreateDevice(request, ct)
        from _ in show(device)
        from session in PollDeviceCode(device, request.ClientId, options, ct)
        select session;
}
