namespace WorkOS.Functional;

/// <summary>
/// The distinct <see cref="Error.Code"/> of every case of the closed error set, so that
/// <c>@catch(ErrorCodes.RateLimited, …)</c> and <c>Error.Is</c> select exactly one case.
/// </summary>
public static partial class ErrorCodes
{
    /// <summary><see cref="InvalidRequest"/>: local validation failed, nothing was sent.</summary>
    public const int InvalidRequest = 4_100_001;
    /// <summary><see cref="ApiError"/>: any other non-2xx answer.</summary>
    public const int ApiError = 4_100_100;
    /// <summary><see cref="RateLimited"/>: HTTP 429.</summary>
    public const int RateLimited = 4_100_129;
    /// <summary><see cref="EmailVerificationRequired"/>.</summary>
    public const int EmailVerificationRequired = 4_100_201;
    /// <summary><see cref="MfaEnrollmentRequired"/>.</summary>
    public const int MfaEnrollmentRequired = 4_100_202;
    /// <summary><see cref="MfaChallengeRequired"/>.</summary>
    public const int MfaChallengeRequired = 4_100_203;
    /// <summary><see cref="OrganizationSelectionRequired"/>.</summary>
    public const int OrganizationSelectionRequired = 4_100_204;
    /// <summary><see cref="SsoRequired"/>.</summary>
    public const int SsoRequired = 4_100_205;
    /// <summary><see cref="OrganizationAuthenticationMethodsRequired"/>.</summary>
    public const int OrganizationAuthenticationMethodsRequired = 4_100_206;
    /// <summary><see cref="UnknownStepUp"/>: a step-up code this library does not know yet.</summary>
    public const int UnknownStepUp = 4_100_299;
    /// <summary><see cref="DecodeError"/>: a 2xx body that is not the expected JSON.</summary>
    public const int DecodeError = 4_100_301;
    /// <summary><see cref="TransportFailure"/>: no HTTP answer (connection refused, reset, DNS…).</summary>
    public const int TransportFailure = 4_100_401;
    /// <summary><see cref="RequestTimedOut"/>: the HTTP client's timeout elapsed.</summary>
    public const int RequestTimedOut = 4_100_402;
    /// <summary><see cref="RequestCancelled"/>: the caller's cancellation token fired.</summary>
    public const int RequestCancelled = 4_100_403;
}
