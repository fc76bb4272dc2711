using System.Text.Json;

namespace WorkOS.Functional.Properties;

/// <summary>Each membership request encodes to the spec's method, path, query and body (spec §2.8).</summary>
public sealed class OrganizationMembershipsEncodeProperties
{
    private static readonly Gen<string> AnyId = WorkOSValues.PathId;

    [Property]
    public Property Get_is_a_bearer_GET_of_the_id_escaped_as_one_segment() =>
        Prop.ForAll(AnyId.ToArbitrary(), id =>
        {
            var spec = Encode.GetOrganizationMembership(T.Valid(GetOrganizationMembershipRequest.Create(id)), T.Key);
            return spec.Method == HttpMethod.Get
                && spec.Path == Seq("user_management", "organization_memberships", id)
                && spec.RenderPath() == "/user_management/organization_memberships/" + T.Seg(id)
                && spec.RenderPath().Count(static c => c == '/') == 3
                && spec.Body.IsNone && spec.Query.IsEmpty && spec.Auth == new Auth.Bearer(T.Key);
        });

    [Property]
    public Property Delete_deactivate_and_reactivate_use_their_methods_and_paths_and_send_no_body() =>
        Prop.ForAll(AnyId.ToArbitrary(), id =>
        {
            var escaped = "/user_management/organization_memberships/" + T.Seg(id);
            var del = Encode.DeleteOrganizationMembership(T.Valid(DeleteOrganizationMembershipRequest.Create(id)), T.Key);
            var deactivate = Encode.DeactivateOrganizationMembership(T.Valid(DeactivateOrganizationMembershipRequest.Create(id)), T.Key);
            var reactivate = Encode.ReactivateOrganizationMembership(T.Valid(ReactivateOrganizationMembershipRequest.Create(id)), T.Key);
            return del.Method == HttpMethod.Delete && del.RenderPath() == escaped
                && deactivate.Method == HttpMethod.Put && deactivate.RenderPath() == escaped + "/deactivate"
                && reactivate.Method == HttpMethod.Put && reactivate.RenderPath() == escaped + "/reactivate"
                && new[] { del, deactivate, reactivate }.All(static s => s.Body.IsNone && s.Query.IsEmpty && s.Auth is Auth.Bearer);
        });

    [Fact]
    public void List_spec_example_repeats_statuses_in_caller_order_and_sorts_keys() =>
        Assert.Equal("/user_management/organization_memberships?limit=10&order=desc&statuses=active&statuses=pending&user_id=user_01",
            Encode.ListOrganizationMemberships(T.Valid(ListOrganizationMembershipsRequest.Create(userId: "user_01",
                statuses: [OrganizationMembershipStatus.Active, OrganizationMembershipStatus.Pending])), T.Key).RenderPathAndQuery());

    [Property]
    public Property List_query_is_sorted_has_paging_always_and_filters_only_when_set() =>
        Prop.ForAll((
            from user in WorkOSValues.MaybeId("user_")
            from org in WorkOSValues.MaybeId("org_")
            from statuses in Gen.ListOf(WorkOSValues.MembershipStatus)
            from limit in WorkOSValues.Within(1, 100)
            from order in Gen.Elements(Order.Asc, Order.Desc)
            from after in WorkOSValues.MaybeId("om_")
            select (user, org, statuses, limit, order, after)).Where(static x => !string.IsNullOrEmpty(x.user) || !string.IsNullOrEmpty(x.org)).ToArbitrary(),
            x =>
            {
                var spec = Encode.ListOrganizationMemberships(T.Valid(ListOrganizationMembershipsRequest.Create(x.user, x.org, x.statuses, x.limit, x.order, after: x.after)), T.Key);
                var expected = new List<string>();
                if (!string.IsNullOrEmpty(x.after)) expected.Add($"after={x.after}");
                expected.Add($"limit={x.limit}");
                expected.Add($"order={x.order.Value}");
                if (!string.IsNullOrEmpty(x.org)) expected.Add($"organization_id={x.org}");
                expected.AddRange(x.statuses.Select(static s => $"statuses={s.Value}"));
                if (!string.IsNullOrEmpty(x.user)) expected.Add($"user_id={x.user}");
                var actual = spec.RenderPathAndQuery();
                return (spec.Method == HttpMethod.Get && spec.Body.IsNone
                    && actual == "/user_management/organization_memberships?" + string.Join("&", expected)).Label(actual);
            });

    [Fact]
    public void List_filters_are_escaped_like_Go() =>
        Assert.Equal("/user_management/organization_memberships?limit=10&order=desc&organization_id=org+1%2F%C3%A9",
            Encode.ListOrganizationMemberships(T.Valid(ListOrganizationMembershipsRequest.Create(organizationId: "org 1/é")), T.Key).RenderPathAndQuery());

    private static readonly string[] CreateOrder = ["user_id", "organization_id", "role_slug", "role_slugs"];

    [Property]
    public Property Create_body_keeps_Go_order_always_sends_both_ids_and_at_most_one_role_key() =>
        Prop.ForAll(WorkOSValues.AnyText.ToArbitrary(), WorkOSValues.AnyText.ToArbitrary(), Gen.Choose(0, 2).ToArbitrary(), (user, org, roleMode) =>
        {
            var result = CreateOrganizationMembershipRequest.Create(user, org, roleMode == 1 ? "admin" : null, roleMode == 2 ? ["admin", "billing"] : null);
            if (string.IsNullOrWhiteSpace(user) || string.IsNullOrWhiteSpace(org)) return result.IsLeft;
            var spec = Encode.CreateOrganizationMembership(T.Valid(result), T.Key);
            var keys = T.Keys(spec);
            var doc = T.Parse(T.Body(spec));
            return spec.Method == HttpMethod.Post && spec.RenderPath() == "/user_management/organization_memberships"
                && keys.SequenceEqual(CreateOrder.Where(k => keys.Contains(k)))
                && doc.GetProperty("user_id").GetString() == user && doc.GetProperty("organization_id").GetString() == org
                && keys.Contains("role_slug") == (roleMode == 1) && keys.Contains("role_slugs") == (roleMode == 2);
        });

    [Fact]
    public void Create_bodies_for_each_role_choice()
    {
        Assert.Equal("""{"user_id":"user_01","organization_id":"org_01"}""",
            T.Body(Encode.CreateOrganizationMembership(T.Valid(CreateOrganizationMembershipRequest.Create("user_01", "org_01")), T.Key)));
        Assert.Equal("""{"user_id":"user_01","organization_id":"org_01","role_slug":"admin"}""",
            T.Body(Encode.CreateOrganizationMembership(T.Valid(CreateOrganizationMembershipRequest.Create("user_01", "org_01", "admin")), T.Key)));
        Assert.Equal("""{"user_id":"user_01","organization_id":"org_01","role_slugs":["admin","billing"]}""",
            T.Body(Encode.CreateOrganizationMembership(T.Valid(CreateOrganizationMembershipRequest.Create("user_01", "org_01", roleSlugs: ["admin", "billing"])), T.Key)));
    }

    [Fact]
    public void Update_is_a_PUT_of_the_id_with_neither_role_sending_an_empty_object()
    {
        var none = Encode.UpdateOrganizationMembership(T.Valid(UpdateOrganizationMembershipRequest.Create("om_01")), T.Key);
        Assert.Equal(HttpMethod.Put, none.Method);
        Assert.Equal("/user_management/organization_memberships/om_01", none.RenderPath());
        Assert.Equal("{}", T.Body(none));
        Assert.Equal("""{"role_slug":"member"}""", T.Body(Encode.UpdateOrganizationMembership(T.Valid(UpdateOrganizationMembershipRequest.Create("om_01", "member")), T.Key)));
        Assert.Equal("""{"role_slugs":["a"]}""", T.Body(Encode.UpdateOrganizationMembership(T.Valid(UpdateOrganizationMembershipRequest.Create("om_01", roleSlugs: ["a"])), T.Key)));
    }

    [Property]
    public Property Role_slugs_keep_caller_order_and_any_text_renders_as_valid_JSON() =>
        Prop.ForAll(Gen.NonEmptyListOf(AnyId).ToArbitrary(), slugs =>
        {
            var spec = Encode.UpdateOrganizationMembership(T.Valid(UpdateOrganizationMembershipRequest.Create("om_1", roleSlugs: slugs)), T.Key);
            var array = JsonDocument.Parse(T.Body(spec)).RootElement.GetProperty("role_slugs");
            return array.EnumerateArray().Select(static e => e.GetString()).SequenceEqual(slugs);
        });

    [Property]
    public Property Encoding_is_pure() =>
        Prop.ForAll(WorkOSValues.Id("user_").ToArbitrary(), WorkOSValues.Id("org_").ToArbitrary(), (user, org) =>
            Encode.CreateOrganizationMembership(T.Valid(CreateOrganizationMembershipRequest.Create(user, org, roleSlugs: ["x"])), T.Key)
                == Encode.CreateOrganizationMembership(T.Valid(CreateOrganizationMembershipRequest.Create(user, org, roleSlugs: ["x"])), T.Key));
}
