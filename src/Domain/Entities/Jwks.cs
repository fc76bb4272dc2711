namespace WorkOS.Functional;

/// <summary>A JSON Web Key Set (<c>{"keys": [...]}</c>): the public keys that sign a client's access tokens.</summary>
/// <param name="Keys">The keys, in the order sent.</param>
public sealed record Jwks(Seq<Jwk> Keys)
{
    /// <summary>The key with this <c>kid</c>, if the set has one.</summary>
    /// <param name="kid">The key ID from a token's header.</param>
    public Option<Jwk> Find(string kid) => Keys.Find(k => k.Kid == Some(kid));
}

/// <summary>
/// One JSON Web Key as sent (RFC 7517). Only RSA signing keys (<c>kty</c> <c>RSA</c>, <c>alg</c> <c>RS256</c>) are
/// used to verify access tokens; other members such as <c>x5t</c> are ignored.
/// </summary>
/// <param name="Kty">The key type, e.g. <c>RSA</c>.</param>
/// <param name="Kid">The key ID, matched against a token header's <c>kid</c>.</param>
/// <param name="Alg">The algorithm the key is for, e.g. <c>RS256</c>, when sent.</param>
/// <param name="Use">The key's use, e.g. <c>sig</c>, when sent.</param>
/// <param name="N">The RSA modulus, base64url, when sent.</param>
/// <param name="E">The RSA exponent, base64url, when sent.</param>
/// <param name="X5c">The certificate chain, base64 DER, when sent.</param>
/// <param name="X5tS256">The certificate's SHA-256 thumbprint (<c>x5t#S256</c>), when sent.</param>
public sealed record Jwk(string Kty, Option<string> Kid, Option<string> Alg, Option<string> Use, Option<string> N, Option<string> E, Seq<string> X5c, Option<string> X5tS256);
