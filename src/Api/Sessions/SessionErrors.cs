namespace WorkOS.Functional.Sessions;

/// <summary>Why an access token was rejected.</summary>
public enum AccessTokenProblem
{
    /// <summary>Not three base64url segments of JSON objects, or a required claim (<c>sub</c>, <c>exp</c>, <c>kid</c>) is missing or mistyped.</summary>
    Malformed,
    /// <summary>The header's <c>alg</c> is not <c>RS256</c> (<c>none</c>, <c>HS256</c>, … are refused), or it carries <c>crit</c>.</summary>
    UnsupportedAlgorithm,
    /// <summary>No key in the key set has the header's <c>kid</c>, even after a re-fetch.</summary>
    UnknownKey,
    /// <summary>The key with that <c>kid</c> is not an RSA signing key for RS256 (wrong <c>kty</c>, <c>alg</c> or <c>use</c>, or too short).</summary>
    UnusableKey,
    /// <summary>The signature does not verify: the token was altered or signed with another key.</summary>
    BadSignature,
    /// <summary><c>exp</c> is in the past, beyond the allowed clock skew.</summary>
    Expired,
    /// <summary><c>nbf</c> is in the future, beyond the allowed clock skew.</summary>
    NotYetValid,
    /// <summary><c>iat</c> is in the future, beyond the allowed clock skew.</summary>
    IssuedInFuture,
    /// <summary><c>iss</c> is not the configured issuer.</summary>
    WrongIssuer,
}

/// <summary>
/// An access token failed verification. The message names the problem, never the token.
/// </summary>
public sealed record InvalidAccessToken : Expected
{
    /// <summary>Creates the error.</summary>
    /// <param name="problem">Why the token was rejected.</param>
    /// <param name="detail">A description that quotes no part of the token's signature.</param>
    public InvalidAccessToken(AccessTokenProblem problem, string detail)
        : base($"Invalid access token ({problem}): {detail}", ErrorCodes.InvalidAccessToken, None) =>
        (Problem, Detail) = (problem, detail);

    /// <summary>Why the token was rejected.</summary>
    public AccessTokenProblem Problem { get; }

    /// <summary>What exactly was wrong.</summary>
    public string Detail { get; }

    /// <summary>The message.</summary>
    public override string ToString() => Message;
}

/// <summary>Why a sealed session could not be opened.</summary>
public enum SealProblem
{
    /// <summary>Not <c>Fe26.2*…</c> with eight <c>*</c>-separated parts (and an optional <c>~version</c>), or a part is not valid base64url.</summary>
    Malformed,
    /// <summary>The seal names a password ID that none of the configured passwords has.</summary>
    UnknownPasswordId,
    /// <summary>The integrity check failed: the seal was altered, or sealed with another password.</summary>
    BadMac,
    /// <summary>The seal's expiry has passed (beyond the allowed skew).</summary>
    Expired,
    /// <summary>The MAC verified but the content did not decrypt, or is not the expected JSON.</summary>
    BadContent,
}

/// <summary>A sealed session cookie could not be opened. The message never quotes the cookie.</summary>
public sealed record InvalidSealedSession : Expected
{
    /// <summary>Creates the error.</summary>
    /// <param name="problem">Why the seal could not be opened.</param>
    /// <param name="detail">What exactly was wrong.</param>
    public InvalidSealedSession(SealProblem problem, string detail)
        : base($"Invalid sealed session ({problem}): {detail}", ErrorCodes.InvalidSealedSession, None) =>
        (Problem, Detail) = (problem, detail);

    /// <summary>Why the seal could not be opened.</summary>
    public SealProblem Problem { get; }

    /// <summary>What exactly was wrong.</summary>
    public string Detail { get; }

    /// <summary>The message.</summary>
    public override string ToString() => Message;
}
