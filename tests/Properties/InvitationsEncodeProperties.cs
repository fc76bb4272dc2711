namespace WorkOS.Functional.Properties;

/// <summary>Each invitation request encodes to the spec's method, path, query and body (spec §2.9).</summary>
public sealed class InvitationsEncodeProperties
{
    private static readonly Gen<string> AnyId = WorkOSValues.PathId;

    [Property]
    public Property Get_revoke_and_resend_use_their_methods_and_paths_and_send_no_body() =>
        Prop.ForAll(AnyId.ToArbitrary(), id =>
        {
            var escaped = "/user_management/invitations/" + T.Seg(id);
            var get = Encode.GetInvitation(T.Valid(GetInvitationRequest.Create(id)), T.Key);
            var revoke = Encode.RevokeInvitation(T.Valid(RevokeInvitationRequest.Create(id)), T.Key);
            var resend = Encode.ResendInvitation(T.Valid(ResendInvitationRequest.Create(id)), T.Key);
            return get.Method == HttpMethod.Get && get.RenderPath() == escaped
                && revoke.Method == HttpMethod.Post && revoke.RenderPath() == escaped + "/revoke"
                && resend.Method == HttpMethod.Post && resend.RenderPath() == escaped + "/resend"
                && new[] { get, revoke, resend }.All(static s => s.Body.IsNone && s.Query.IsEmpty && s.Auth == new Auth.Bearer(T.Key));
        });

    [Property]
    public Property FindInvitationByToken_escapes_the_token_as_exactly_one_segment() =>
        Prop.ForAll(Gen.OneOf(AnyId, WorkOSValues.SecretValue).ToArbitrary(), token =>
        {
            var spec = Encode.FindInvitationByToken(T.Valid(FindInvitationByTokenRequest.Create(token)), T.Key);
            return spec.Method == HttpMethod.Get && spec.Body.IsNone && spec.Query.IsEmpty
                && spec.RenderPath() == "/user_management/invitations/by_token/" + T.Seg(token)
                && spec.RenderPath().Count(static c => c == '/') == 4;
        });

    [Fact]
    public void FindInvitationByToken_example() =>
        Assert.Equal("/user_management/invitations/by_token/Z1a%2Fb%3Fc",
            Encode.FindInvitationByToken(T.Valid(FindInvitationByTokenRequest.Create("Z1a/b?c")), T.Key).RenderPathAndQuery());

    [Property]
    public Property List_query_is_sorted_has_paging_always_and_filters_only_when_set() =>
        Prop.ForAll(WorkOSValues.MaybeId("org_").ToArbitrary(), Gen.OneOf(Gen.Constant<string?>(null), WorkOSValues.Email.Select(static e => (string?)e)).ToArbitrary(),
            WorkOSValues.Within(1, 100).ToArbitrary(),
            (org, email, limit) =>
            {
                var spec = Encode.ListInvitations(T.Valid(ListInvitationsRequest.Create(org, email, limit, Order.Asc, before: "invitation_0")), T.Key);
                var expected = new List<string> { "before=invitation_0" };
                if (email is not null) expected.Add($"email={QueryString.Escape(email)}");
                expected.Add($"limit={limit}");
                expected.Add("order=asc");
                if (!string.IsNullOrEmpty(org)) expected.Add($"organization_id={org}");
                return spec.Method == HttpMethod.Get && spec.RenderPathAndQuery() == "/user_management/invitations?" + string.Join("&", expected);
            });

    [Fact]
    public void List_default_is_exactly_limit_10_order_desc() =>
        Assert.Equal("/user_management/invitations?limit=10&order=desc", Encode.ListInvitations(ListInvitationsRequest.Default, T.Key).RenderPathAndQuery());

    private static readonly string[] SendOrder = ["email", "organization_id", "expires_in_days", "inviter_user_id", "role_slug"];

    [Property]
    public Property Send_body_keeps_Go_order_omits_empties_and_sends_days_as_a_number() =>
        Prop.ForAll((
            from email in WorkOSValues.Email
            from org in WorkOSValues.MaybeId("org_")
            from days in Gen.OneOf(Gen.Constant<int?>(null), WorkOSValues.Within(0, 30).Select(static d => (int?)d))
            from inviter in WorkOSValues.MaybeId("user_")
            from role in Gen.Elements<string?>(null, "", "admin")
            select (email, org, days, inviter, role)).ToArbitrary(),
            x =>
            {
                var spec = Encode.SendInvitation(T.Valid(SendInvitationRequest.Create(x.email, x.org, x.days, x.inviter, x.role)), T.Key);
                var keys = T.Keys(spec);
                var doc = T.Parse(T.Body(spec));
                var sendsDays = x.days is > 0;
                return (spec.Method == HttpMethod.Post && spec.RenderPath() == "/user_management/invitations"
                    && keys.SequenceEqual(SendOrder.Where(k => keys.Contains(k)))
                    && doc.GetProperty("email").GetString() == x.email
                    && keys.Contains("organization_id") == !string.IsNullOrEmpty(x.org)
                    && keys.Contains("expires_in_days") == sendsDays
                    && (!sendsDays || doc.GetProperty("expires_in_days").GetInt32() == x.days)
                    && keys.Contains("inviter_user_id") == !string.IsNullOrEmpty(x.inviter)
                    && keys.Contains("role_slug") == !string.IsNullOrEmpty(x.role)).Label(T.Body(spec));
            });

    [Fact]
    public void Send_full_and_minimal_bodies()
    {
        Assert.Equal("""{"email":"ana@example.com","organization_id":"org_01","expires_in_days":14,"inviter_user_id":"user_01","role_slug":"admin"}""",
            T.Body(Encode.SendInvitation(T.Valid(SendInvitationRequest.Create("ana@example.com", "org_01", 14, "user_01", "admin")), T.Key)));
        Assert.Equal("""{"email":"ana@example.com"}""",
            T.Body(Encode.SendInvitation(T.Valid(SendInvitationRequest.Create("ana@example.com", expiresInDays: 0)), T.Key)));
    }
}
