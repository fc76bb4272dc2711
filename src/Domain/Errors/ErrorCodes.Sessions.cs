namespace WorkOS.Functional;

public static partial class ErrorCodes
{
    /// <summary><c>Sessions.InvalidAccessToken</c>: an access token failed verification (its <c>Problem</c> says why).</summary>
    public const int InvalidAccessToken = 4_100_501;
    /// <summary><c>Sessions.InvalidSealedSession</c>: a sealed session cookie could not be opened (its <c>Problem</c> says why).</summary>
    public const int InvalidSealedSession = 4_100_502;
}
