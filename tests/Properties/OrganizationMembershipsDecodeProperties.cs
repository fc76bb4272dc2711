namespace WorkOS.Functional.Properties;

/// <summary>Decoding memberships (spec §3.3, §3.4, §3.16): lenient, total, a round-trip of the wire form.</summary>
public sealed class OrganizationMembershipsDecodeProperties
{
    [Property]
    public Property Membership_round_trips_through_its_wire_form() =>
        Prop.ForAll(Gens.Membership.ToArbitrary(), m =>
            Decode.OrganizationMembership(T.Json(200, OrgWire.Membership(m))) == Right<Error, OrganizationMembership>(m));

    [Property]
    public Property A_list_page_round_trips_and_keeps_order() =>
        Prop.ForAll(Gen.ListOf(Gens.Membership).ToArbitrary(), WorkOSValues.MaybeId("om_").ToArbitrary(), (memberships, after) =>
            Decode.ListOrganizationMemberships(T.Json(200, OrgWire.Page(memberships.Select(OrgWire.Membership), after))).Match(
                Right: page => page.Data.SequenceEqual(memberships) && page.ListMetadata == new ListMetadata(None, Rules.Optional(after)),
                Left: static _ => false));

    [Fact]
    public void Absent_roles_organization_name_and_directory_managed_are_empty_or_None()
    {
        var m = T.Valid(Decode.OrganizationMembership(T.Json(200, WireSamples.Membership().Json())));
        Assert.True(m.Roles.IsEmpty);
        Assert.Equal(new RoleResponse("member"), m.Role);
        Assert.Equal(Option<bool>.None, m.DirectoryManaged);
        Assert.Equal(OrganizationMembershipStatus.Active, m.Status);
        Assert.Equal(Option<string>.None, m.OrganizationName);
    }

    [Fact]
    public void Null_roles_are_empty_and_unknown_statuses_survive()
    {
        var m = T.Valid(Decode.OrganizationMembership(T.Json(200, WireSamples.Membership().With("role", WireJson.Dict(("slug", "admin")))
            .With("roles", new[] { WireJson.Dict(("slug", "admin")), WireJson.Dict(("slug", "billing")) }).With("status", "suspended")
            .With("directory_managed", true).With("organization_name", "Acme").Json())));
        Assert.Equal(Seq(new RoleResponse("admin"), new RoleResponse("billing")), m.Roles);
        Assert.Equal("suspended", m.Status.Value);
        Assert.Equal(new OrganizationMembershipStatus("suspended"), m.Status);
        Assert.Equal(Some(true), m.DirectoryManaged);
        Assert.Equal(Some("Acme"), m.OrganizationName);
        Assert.True(T.Valid(Decode.OrganizationMembership(T.Json(200, WireSamples.Membership().With("roles", null).Json()))).Roles.IsEmpty);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"id\":")]
    [InlineData("<html></html>")]
    [InlineData("{\"roles\":{\"slug\":\"a\"}}")]
    [InlineData("{\"directory_managed\":\"yes\"}")]
    public void Bad_membership_bodies_are_DecodeErrors(string body)
    {
        var error = Decode.OrganizationMembership(T.Json(200, body)).Match(Right: static _ => (Error)Error.New("no"), Left: static e => e);
        Assert.Equal("OrganizationMembership", Assert.IsType<DecodeError>(error).What);
    }

    [Property]
    public Property Decoding_arbitrary_bodies_never_throws() =>
        Prop.ForAll(WorkOSValues.AnyText.ToArbitrary(), body =>
            (Decode.OrganizationMembership(T.Json(200, body)).IsLeft || true)
            && (Decode.ListOrganizationMemberships(T.Json(200, body)).IsLeft || true));

    [Fact]
    public void An_empty_list_decodes_with_no_cursors() =>
        Assert.Equal(new ListOrganizationMembershipsResponse(Seq<OrganizationMembership>(), new ListMetadata(None, None)),
            T.Valid(Decode.ListOrganizationMemberships(T.Json(200, """{"object":"list","data":[],"list_metadata":{"before":null,"after":null}}"""))));
}
