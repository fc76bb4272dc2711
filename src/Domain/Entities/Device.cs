namespace WorkOS.Functional;

/// <summary>
/// The answer of <c>CreateDevice</c> (RFC 8628 §3.2). Show the person <see cref="UserCode"/> and
/// <see cref="VerificationUri"/> (or open <see cref="VerificationUriComplete"/>), then poll with
/// <see cref="DeviceCode"/>, which is a <see cref="Secret"/> and never prints.
/// </summary>
/// <param name="DeviceCode">The device code, for <c>AuthenticateWithDeviceCode</c> only.</param>
/// <param name="UserCode">The short code the person types (e.g. <c>WXYZ-2345</c>).</param>
/// <param name="VerificationUri">The page where the person enters the code.</param>
/// <param name="VerificationUriComplete">The same page with the code embedded, when sent.</param>
/// <param name="ExpiresIn">How long both codes live.</param>
/// <param name="Interval">The minimum time between polls (5 seconds when the server sends none).</param>
public sealed record DeviceAuthorizationResponse(
    Secret DeviceCode,
    string UserCode,
    string VerificationUri,
    Option<string> VerificationUriComplete,
    TimeSpan ExpiresIn,
    TimeSpan Interval)
{
    /// <summary>The polling interval when the server sends none (RFC 8628 §3.2).</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);
}
