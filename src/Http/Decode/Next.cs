using System.Text.Json;

namespace WorkOS.Functional.Http;

// Wire shapes of the endpoints added after Go v6.3. Like the rest (Dtos.cs), each names its required
// fields (IWireObject), so an answer lacking one is a DecodeError naming it; optional ones become Option.

internal sealed class SessionDto : IWireObject
{
    public string? Id { get; set; }
    public string? UserId { get; set; }
    public string? Status { get; set; }
    public string? AuthMethod { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public string? OrganizationId { get; set; }
    public ImpersonatorDto? Impersonator { get; set; }
    public string? ExpiresAt { get; set; }
    public string? EndedAt { get; set; }
    public string? CreatedAt { get; set; }
    public string? UpdatedAt { get; set; }

    public Seq<string> Missing(string at) =>
        Wire.Missing(at, ("id", Id), ("user_id", UserId), ("status", Status), ("auth_method", AuthMethod), ("expires_at", ExpiresAt),
            ("created_at", CreatedAt), ("updated_at", UpdatedAt)) + Wire.Nested(at, "impersonator", Impersonator);

    public Session ToDomain() => new(
        Id ?? "", UserId ?? "", new SessionStatus(Status ?? ""), AuthMethod ?? "", Wire.Opt(IpAddress), Wire.Opt(UserAgent),
        Wire.Opt(OrganizationId), Optional(Impersonator).Map(static i => i.ToDomain()), ExpiresAt ?? "", Wire.Opt(EndedAt),
        CreatedAt ?? "", UpdatedAt ?? "");
}

internal sealed class EmailChangeDto : IWireObject
{
    public WireUser? User { get; set; }
    public string? NewEmail { get; set; }
    public string? ExpiresAt { get; set; }
    public string? CreatedAt { get; set; }

    public Seq<string> Missing(string at) =>
        Wire.Missing(at, ("user", User), ("new_email", NewEmail), ("expires_at", ExpiresAt), ("created_at", CreatedAt)) + Wire.Nested(at, "user", User);

    public EmailChange ToDomain() => new(User!.Value.User, NewEmail ?? "", ExpiresAt ?? "", CreatedAt ?? "");
}

internal sealed class EmailChangeConfirmationDto : IWireObject
{
    public WireUser? User { get; set; }

    public Seq<string> Missing(string at) => Wire.Missing(at, ("user", User)) + Wire.Nested(at, "user", User);

    public EmailChangeConfirmation ToDomain() => new(User!.Value.User);
}

internal sealed class DeviceAuthorizationDto : IWireObject
{
    public string? DeviceCode { get; set; }
    public string? UserCode { get; set; }
    public string? VerificationUri { get; set; }
    public string? VerificationUriComplete { get; set; }
    public double? ExpiresIn { get; set; }
    public double? Interval { get; set; }

    /// <summary>The members RFC 8628 §3.2 requires that are absent, empty or out of range (a non-positive lifetime, a negative interval).</summary>
    public Seq<string> Missing(string at) =>
        toSeq(new (bool Bad, string Name)[]
        {
            (string.IsNullOrEmpty(DeviceCode), "device_code"),
            (string.IsNullOrEmpty(UserCode), "user_code"),
            (string.IsNullOrEmpty(VerificationUri), "verification_uri"),
            (ExpiresIn is not > 0, "expires_in"),
            (Interval is < 0, "interval"),
        }).Filter(static m => m.Bad).Map(m => at + m.Name).Strict();

    public DeviceAuthorizationResponse ToDomain() => new(
        Secret.Of(DeviceCode), UserCode ?? "", VerificationUri ?? "", Wire.Opt(VerificationUriComplete),
        TimeSpan.FromSeconds(ExpiresIn ?? 0),
        Interval is > 0 ? TimeSpan.FromSeconds(Interval.Value) : DeviceAuthorizationResponse.DefaultInterval);
}

internal sealed class SendRadarSmsChallengeDto : IWireObject
{
    public string? VerificationId { get; set; }
    public string? PhoneNumber { get; set; }

    public Seq<string> Missing(string at) => Wire.Missing(at, ("verification_id", VerificationId), ("phone_number", PhoneNumber));

    public SendRadarSmsChallengeResponse ToDomain() => new(VerificationId ?? "", PhoneNumber ?? "");
}

internal sealed class RadarChallengeDto : IWireObject
{
    public string? Id { get; set; }
    public string? Type { get; set; }
    public string? UserId { get; set; }
    public string? Email { get; set; }
    public string? Code { get; set; }
    public string? ExpiresAt { get; set; }
    public string? CreatedAt { get; set; }
    public string? UpdatedAt { get; set; }

    public Seq<string> Missing(string at) =>
        Wire.Missing(at, ("id", Id), ("type", Type), ("user_id", UserId), ("email", Email), ("code", Code), ("expires_at", ExpiresAt),
            ("created_at", CreatedAt), ("updated_at", UpdatedAt));

    public RadarChallenge ToDomain() => new(Id ?? "", Type ?? "", UserId ?? "", Email ?? "", Secret.Of(Code), ExpiresAt ?? "", CreatedAt ?? "", UpdatedAt ?? "");
}

internal sealed class GroupDto : IWireObject
{
    public string? Id { get; set; }
    public string? OrganizationId { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? CreatedAt { get; set; }
    public string? UpdatedAt { get; set; }

    public Seq<string> Missing(string at) =>
        Wire.Missing(at, ("id", Id), ("organization_id", OrganizationId), ("name", Name), ("created_at", CreatedAt), ("updated_at", UpdatedAt));

    public Group ToDomain() => new(Id ?? "", OrganizationId ?? "", Name ?? "", Wire.Opt(Description), CreatedAt ?? "", UpdatedAt ?? "");
}

public static partial class Decode
{
    /// <summary>A list envelope of sessions.</summary>
    public static Either<Error, ListSessionsResponse> ListSessions(HttpResponseSpec r) =>
        Body<ListDto<SessionDto>, ListSessionsResponse>("ListSessionsResponse", r, static d =>
        {
            var (data, meta) = d.ToDomain(static s => s.ToDomain());
            return new ListSessionsResponse(data, meta);
        });

    /// <summary>An <see cref="WorkOS.Functional.EmailChange"/> object.</summary>
    public static Either<Error, EmailChange> EmailChange(HttpResponseSpec r) =>
        Body<EmailChangeDto, EmailChange>("EmailChange", r, static d => d.ToDomain());

    /// <summary>An <see cref="WorkOS.Functional.EmailChangeConfirmation"/> object.</summary>
    public static Either<Error, EmailChangeConfirmation> EmailChangeConfirmation(HttpResponseSpec r) =>
        Body<EmailChangeConfirmationDto, EmailChangeConfirmation>("EmailChangeConfirmation", r, static d => d.ToDomain());

    /// <summary>
    /// A <see cref="WorkOS.Functional.DeviceAuthorizationResponse"/>: a body without <c>device_code</c>,
    /// <c>user_code</c>, <c>verification_uri</c> or a positive <c>expires_in</c> is a <see cref="DecodeError"/> naming
    /// them; an absent <c>interval</c> is 5 seconds. The device code stays hidden.
    /// </summary>
    public static Either<Error, DeviceAuthorizationResponse> DeviceAuthorizationResponse(HttpResponseSpec r) =>
        Body<DeviceAuthorizationDto, DeviceAuthorizationResponse>("DeviceAuthorizationResponse", r, static d => d.ToDomain());

    /// <summary>A <see cref="WorkOS.Functional.SendRadarSmsChallengeResponse"/> (answered with 201).</summary>
    public static Either<Error, SendRadarSmsChallengeResponse> SendRadarSmsChallengeResponse(HttpResponseSpec r) =>
        Body<SendRadarSmsChallengeDto, SendRadarSmsChallengeResponse>("SendRadarSmsChallengeResponse", r, static d => d.ToDomain());

    /// <summary>A <see cref="WorkOS.Functional.RadarChallenge"/>; its code stays hidden.</summary>
    public static Either<Error, RadarChallenge> RadarChallenge(HttpResponseSpec r) =>
        Body<RadarChallengeDto, RadarChallenge>("RadarChallenge", r, static d => d.ToDomain());

    /// <summary>A list envelope of groups.</summary>
    public static Either<Error, ListOrganizationMembershipGroupsResponse> ListOrganizationMembershipGroups(HttpResponseSpec r) =>
        Body<ListDto<GroupDto>, ListOrganizationMembershipGroupsResponse>("ListOrganizationMembershipGroupsResponse", r, static d =>
        {
            var (data, meta) = d.ToDomain(static g => g.ToDomain());
            return new ListOrganizationMembershipGroupsResponse(data, meta);
        });

    /// <summary>
    /// The OAuth-style error code of a non-2xx answer, read from the raw body whatever the status or content type:
    /// the <c>error</c> member (RFC 6749 form, e.g. 400 <c>{"error":"authorization_pending"}</c>), else the
    /// <c>code</c> member (e.g. 403 <c>{"code":"authorization_pending"}</c>). <c>None</c> when the body is not a
    /// JSON object or has neither. Total: never throws.
    /// </summary>
    public static Option<string> OAuthErrorCode(HttpResponseSpec r) =>
        string.IsNullOrWhiteSpace(r.Body) ? None
        : Try(() =>
        {
            using var doc = JsonDocument.Parse(r.Body);
            var root = doc.RootElement;
            return root.ValueKind != JsonValueKind.Object ? None
                : Wire.Opt(StringMember(root, "error")) is { IsSome: true } error ? error
                : Wire.Opt(StringMember(root, "code"));
        }).ToOption().Flatten();

    /// <summary>
    /// The <c>radar_challenge_id</c> of a <c>radar_email_challenge</c> step-up (which surfaces as
    /// <see cref="UnknownStepUp"/>), read from the error's raw body; <c>None</c> for any other error.
    /// Pass it with the step-up's pending token to <c>AuthenticateWithRadarEmailChallenge</c>.
    /// </summary>
    /// <param name="error">The error of a sign-in attempt.</param>
    public static Option<string> RadarChallengeId(Error error) =>
        error is AuthStepUp { ErrorCode: "radar_email_challenge" } step
            ? Try(() =>
            {
                using var doc = JsonDocument.Parse(step.Context.RawBody.Reveal());
                return doc.RootElement.ValueKind == JsonValueKind.Object ? Wire.Opt(StringMember(doc.RootElement, "radar_challenge_id")) : None;
            }).ToOption().Flatten()
            : None;

    private static string? StringMember(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
