using System.Text.Json;

namespace WorkOS.Functional.Properties;

/// <summary>Decoding of the entities added after Go v6.3, and the device poll's error-code reader.</summary>
public sealed class NextDecodeProperties
{
    private const string UserJson = """{"object":"user","id":"user_01","email":"ana@example.com","email_verified":true,"created_at":"c","updated_at":"u","name":"Ana B","locale":"en-US"}""";

    private static Gen<Session> Sessions =>
        from id in WorkOSValues.Id("session_")
        from status in Gen.Elements(SessionStatus.Active, SessionStatus.Expired, SessionStatus.Revoked, new SessionStatus("paused"))
        from method in Gen.Elements("password", "oauth", "magic_code", "sso")
        from ip in Gen.OneOf(Gen.Constant(Option<string>.None), Gen.Constant(Some("203.0.113.9")))
        from org in Gen.OneOf(Gen.Constant(Option<string>.None), WorkOSValues.Id("org_").Select(static o => Some(o)))
        from ended in Gen.OneOf(Gen.Constant(Option<string>.None), Gen.Constant(Some("2024-02-01T00:00:00.000Z")))
        select new Session(id, "user_01", status, method, ip, None, org, None, "2024-03-01T00:00:00.000Z", ended, "2024-01-01T00:00:00.000Z", "2024-01-02T00:00:00.000Z");

    private static object? O(Option<string> o) => o.IfNoneUnsafe((string?)null);

    private static object Wire(Session s) => new Dictionary<string, object?>
    {
        ["object"] = "session", ["id"] = s.Id, ["user_id"] = s.UserId, ["status"] = s.Status.Value, ["auth_method"] = s.AuthMethod,
        ["ip_address"] = O(s.IpAddress), ["user_agent"] = null, ["organization_id"] = O(s.OrganizationId), ["expires_at"] = s.ExpiresAt,
        ["ended_at"] = O(s.EndedAt), ["created_at"] = s.CreatedAt, ["updated_at"] = s.UpdatedAt, ["future"] = new[] { 1 },
    };

    [Property]
    public Property Session_pages_round_trip_through_their_wire_form() =>
        Prop.ForAll(Gen.ListOf(Sessions).ToArbitrary(), WorkOSValues.MaybeId("session_").ToArbitrary(), (sessions, after) =>
            Decode.ListSessions(T.Json(200, JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["object"] = "list", ["data"] = sessions.Select(Wire).ToArray(), ["list_metadata"] = new Dictionary<string, object?> { ["before"] = null, ["after"] = after },
            }))) == Right<Error, ListSessionsResponse>(new ListSessionsResponse(toSeq(sessions).Strict(), new ListMetadata(None, Rules.Optional(after)))));

    [Fact]
    public void Newer_user_fields_and_the_email_change_objects_decode()
    {
        var change = T.Valid(Decode.EmailChange(T.Json(200, $$"""{"object":"email_change","user":{{UserJson}},"new_email":"ana+new@example.org","expires_at":"e","created_at":"c"}""")));
        Assert.Equal(("ana+new@example.org", "e", "c", Some("Ana B"), Some("en-US"), Some("user")),
            (change.NewEmail, change.ExpiresAt, change.CreatedAt, change.User.Name, change.User.Locale, change.User.Object));
        var confirmed = T.Valid(Decode.EmailChangeConfirmation(T.Json(200, $$"""{"object":"email_change_confirmation","user":{{UserJson}}}""")));
        Assert.Equal("ana@example.com", confirmed.User.Email);
    }

    [Property]
    public Property Device_authorization_decodes_with_the_code_hidden_and_5_seconds_when_interval_is_absent() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), Gen.Choose(1, 1800).ToArbitrary(), Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 60).Select(static i => (int?)i)).ToArbitrary(),
            (code, expires, interval) =>
            {
                var body = JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["device_code"] = code, ["user_code"] = "WXYZ-2345", ["verification_uri"] = "https://auth.example.com/device",
                    ["verification_uri_complete"] = "https://auth.example.com/device?user_code=WXYZ-2345", ["expires_in"] = expires, ["interval"] = interval,
                });
                return Decode.DeviceAuthorizationResponse(T.Json(200, body)).Match(
                    Right: d => d.DeviceCode.Reveal() == code && d.UserCode == "WXYZ-2345" && d.ExpiresIn == TimeSpan.FromSeconds(expires)
                        && d.Interval == TimeSpan.FromSeconds(interval ?? 5) && d.VerificationUriComplete.IsSome && !d.ToString().Contains(code),
                    Left: static _ => false);
            });

    [Property]
    public Property Device_authorization_without_a_required_member_is_a_DecodeError_naming_it() =>
        Prop.ForAll(Gen.Elements("device_code", "user_code", "verification_uri", "expires_in").ToArbitrary(), Gen.Elements("absent", "null", "empty").ToArbitrary(), (missing, how) =>
        {
            var members = new Dictionary<string, object?>
            {
                ["device_code"] = "dc_1", ["user_code"] = "WXYZ-2345", ["verification_uri"] = "https://auth.example.com/device", ["expires_in"] = 300, ["interval"] = 5,
            };
            if (how == "absent") members.Remove(missing);
            else members[missing] = how == "null" ? null : missing == "expires_in" ? 0 : "";
            return Decode.DeviceAuthorizationResponse(T.Json(200, JsonSerializer.Serialize(members))).Match(
                Right: static _ => false, Left: e => e is DecodeError d && d.Reason.Contains(missing) && !d.Reason.Contains("dc_1"));
        });

    [Fact]
    public void Radar_answers_decode_and_the_challenge_code_is_hidden()
    {
        var sms = T.Valid(Decode.SendRadarSmsChallengeResponse(T.Json(201, """{"verification_id":"radar_sms_1","phone_number":"+447700900123"}""")));
        Assert.Equal(new SendRadarSmsChallengeResponse("radar_sms_1", "+447700900123"), sms);
        var ch = T.Valid(Decode.RadarChallenge(T.Json(200, """
            {"object":"radar_challenge","id":"radar_challenge_1","type":"email","user_id":"user_1","email":"a@b.co","expires_at":"e","created_at":"c","updated_at":"u","code":"493817"}
            """)));
        Assert.Equal(new RadarChallenge("radar_challenge_1", "email", "user_1", "a@b.co", Secret.Of("493817"), "e", "c", "u"), ch);
        Assert.DoesNotContain("493817", ch.ToString());
    }

    [Fact]
    public void Groups_decode_with_an_optional_description()
    {
        var page = T.Valid(Decode.ListOrganizationMembershipGroups(T.Json(200, """
            {"object":"list","data":[{"object":"group","id":"group_1","organization_id":"org_1","name":"Eng","description":null,"created_at":"c","updated_at":"u"},
             {"object":"group","id":"group_2","organization_id":"org_1","name":"Ops","description":"on call","created_at":"c","updated_at":"u"}],"list_metadata":{"before":null,"after":"group_2"}}
            """)));
        Assert.Equal(Seq(new Group("group_1", "org_1", "Eng", None, "c", "u"), new Group("group_2", "org_1", "Ops", Some("on call"), "c", "u")), page.Data);
        Assert.Equal(Some("group_2"), page.ListMetadata.After);
    }

    [Property]
    public Property OAuthErrorCode_prefers_error_over_code_at_any_status_and_is_total() =>
        Prop.ForAll((from status in Gens.ErrorStatus
                     from error in Gen.Elements<string?>(null, "", "authorization_pending", "slow_down")
                     from code in Gen.Elements<string?>(null, "", "authorization_pending", "expired_token")
                     from junk in WorkOSValues.AnyText
                     select (status, error, code, junk)).ToArbitrary(), t =>
            {
                var (status, error, code, junk) = t;
                var body = JsonSerializer.Serialize(new Dictionary<string, object?> { ["error"] = error, ["code"] = code, ["message"] = junk });
                var expected = !string.IsNullOrEmpty(error) ? Some(error) : !string.IsNullOrEmpty(code) ? Some(code) : Option<string>.None;
                return Decode.OAuthErrorCode(new HttpResponseSpec(status, "", HashMap<string, string>(), body)) == expected
                    && Decode.OAuthErrorCode(T.Json(status, junk)).IsNone;
            });
}
