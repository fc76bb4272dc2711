namespace WorkOS.Functional;

/// <summary>
/// The device code expired before the person approved the sign-in: the server answered
/// <c>expired_token</c>, or the code's <c>expires_in</c> passed while polling. Start again with <c>CreateDevice</c>.
/// </summary>
public sealed record DeviceCodeExpired : Expected
{
    /// <summary>Creates the error.</summary>
    /// <param name="byServer">True when the server said <c>expired_token</c>; false when the local deadline passed.</param>
    public DeviceCodeExpired(bool byServer)
        : base(byServer ? "The device code expired (expired_token): start again with CreateDevice"
                        : "The device code's lifetime passed while waiting for approval: start again with CreateDevice",
            ErrorCodes.DeviceCodeExpired, None) => ByServer = byServer;

    /// <summary>True when the server answered <c>expired_token</c>; false when the local deadline passed first.</summary>
    public bool ByServer { get; }

    /// <summary>The message.</summary>
    public override string ToString() => Message;
}

/// <summary>The person denied the device sign-in (<c>access_denied</c> while polling).</summary>
public sealed record DeviceAccessDenied() : Expected("The person denied the device sign-in (access_denied)", ErrorCodes.DeviceAccessDenied, None)
{
    /// <summary>The message.</summary>
    public override string ToString() => Message;
}
