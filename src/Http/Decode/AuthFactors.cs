namespace WorkOS.Functional.Http;

public static partial class Decode
{
    /// <summary>
    /// <c>{"authentication_factor": …, "authentication_challenge": …}</c>. A body missing either object is a
    /// <see cref="DecodeError"/> (Go would hand back empty structs): the challenge ID is what the TOTP grant needs.
    /// </summary>
    public static Either<Error, EnrollAuthFactorResponse> EnrollAuthFactor(HttpResponseSpec r) =>
        Body<EnrollAuthFactorResponseDto, EnrollAuthFactorResponse>("EnrollAuthFactorResponse", r, static d =>
            new EnrollAuthFactorResponse(d.AuthenticationFactor!.ToDomain(), d.AuthenticationChallenge!.ToDomain()));

    /// <summary>A list envelope of factors.</summary>
    public static Either<Error, ListAuthFactorsResponse> ListAuthFactors(HttpResponseSpec r) =>
        Body<ListDto<FactorDto>, ListAuthFactorsResponse>("ListAuthFactorsResponse", r, static d =>
        {
            var (data, meta) = d.ToDomain(static f => f.ToDomain());
            return new ListAuthFactorsResponse(data, meta);
        });

    /// <summary>A <see cref="WorkOS.Functional.Challenge"/> object; its code, when sent, stays a secret.</summary>
    public static Either<Error, Challenge> Challenge(HttpResponseSpec r) =>
        Body<ChallengeDto, Challenge>("Challenge", r, static d => d.ToDomain());
}

internal sealed class EnrollAuthFactorResponseDto : IWireObject
{
    public FactorDto? AuthenticationFactor { get; set; }
    public ChallengeDto? AuthenticationChallenge { get; set; }

    public Seq<string> Missing(string at) =>
        Wire.Missing(at, ("authentication_factor", AuthenticationFactor), ("authentication_challenge", AuthenticationChallenge))
        + Wire.Nested(at, "authentication_factor", AuthenticationFactor) + Wire.Nested(at, "authentication_challenge", AuthenticationChallenge);
}

internal sealed class FactorDto : IWireObject
{
    public string? Id { get; set; }
    public string? Object { get; set; }
    public string? CreatedAt { get; set; }
    public string? UpdatedAt { get; set; }
    public string? Type { get; set; }
    public TotpDetailsDto? Totp { get; set; }
    public SmsDetailsDto? Sms { get; set; }
    public string? UserId { get; set; }

    /// <summary><c>totp</c> and <c>sms</c> are optional (list answers omit them); a present <c>sms</c> needs its number.</summary>
    public Seq<string> Missing(string at) =>
        Wire.Missing(at, ("id", Id), ("created_at", CreatedAt), ("updated_at", UpdatedAt), ("type", Type)) + Wire.Nested(at, "sms", Sms);

    public Factor ToDomain() =>
        new(Id ?? "", Wire.Opt(Object), CreatedAt ?? "", UpdatedAt ?? "", new FactorType(Type ?? ""),
            Optional(Totp).Map(static t => t.ToDomain()), Optional(Sms).Map(static s => s.ToDomain()), Wire.Opt(UserId));
}

internal sealed class TotpDetailsDto
{
    public string? QrCode { get; set; }
    public string? Secret { get; set; }
    public string? Uri { get; set; }
    public string? Issuer { get; set; }
    public string? User { get; set; }

    public TotpDetails ToDomain() =>
        new(Wire.OptSecret(QrCode), Wire.OptSecret(Secret), Wire.OptSecret(Uri), Wire.Opt(Issuer), Wire.Opt(User));

}

internal sealed class SmsDetailsDto : IWireObject
{
    public string? PhoneNumber { get; set; }

    public Seq<string> Missing(string at) => Wire.Missing(at, ("phone_number", PhoneNumber));

    public SmsDetails ToDomain() => new(PhoneNumber ?? "");
}

internal sealed class ChallengeDto : IWireObject
{
    public string? Id { get; set; }
    public string? Object { get; set; }
    public string? CreatedAt { get; set; }
    public string? UpdatedAt { get; set; }
    public string? ExpiresAt { get; set; }
    public string? AuthenticationFactorId { get; set; }
    public string? Code { get; set; }

    public Seq<string> Missing(string at) =>
        Wire.Missing(at, ("id", Id), ("created_at", CreatedAt), ("updated_at", UpdatedAt), ("authentication_factor_id", AuthenticationFactorId));

    public Challenge ToDomain() =>
        new(Id ?? "", Wire.Opt(Object), CreatedAt ?? "", UpdatedAt ?? "", Wire.Opt(ExpiresAt), AuthenticationFactorId ?? "", Wire.OptSecret(Code));
}
