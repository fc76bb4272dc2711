namespace WorkOS.Functional.Properties;

/// <summary>Decoding invitations (spec §3.8, §3.16) and the invitation error bodies of spec §2.9.</summary>
public sealed class InvitationsDecodeProperties
{
    [Property]
    public Property Invitation_round_trips_through_its_wire_form() =>
        Prop.ForAll(Gens.Invitation.ToArbitrary(), i =>
            Decode.Invitation(T.Json(200, OrgWire.Invitation(i))) == Right<Error, Invitation>(i));

    [Property]
    public Property A_list_page_round_trips_and_keeps_order() =>
        Prop.ForAll(Gen.ListOf(Gens.Invitation).ToArbitrary(), WorkOSValues.MaybeId("invitation_").ToArbitrary(), (invitations, after) =>
            Decode.ListInvitations(T.Json(200, OrgWire.Page(invitations.Select(OrgWire.Invitation), after))).Match(
                Right: page => page.Data.SequenceEqual(invitations) && page.ListMetadata == new ListMetadata(None, Rules.Optional(after)),
                Left: static _ => false));

    [Fact]
    public void Null_and_missing_fields_decode_to_None_and_unknown_states_survive()
    {
        var i = T.Valid(Decode.Invitation(T.Json(200, WireSamples.Invitation().With("state", "superseded").With("accepted_at", null)
            .With("organization_id", "").With("token", "tok").Json())));
        Assert.Equal(new InvitationState("superseded"), i.State);
        Assert.Equal(Option<string>.None, i.AcceptedAt);
        Assert.Equal(Option<string>.None, i.RevokedAt);
        Assert.Equal(Option<string>.None, i.OrganizationId);
        Assert.Equal(Option<string>.None, i.InviterUserId);
        Assert.Equal("tok", i.Token.Reveal());
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[{}]")]
    [InlineData("{\"token\":5}")]
    [InlineData("<html>oops</html>")]
    public void Bad_invitation_bodies_are_DecodeErrors(string body)
    {
        var error = Decode.Invitation(T.Json(200, body)).Match(Right: static _ => (Error)Error.New("no"), Left: static e => e);
        Assert.Equal("Invitation", Assert.IsType<DecodeError>(error).What);
    }

    [Fact]
    public void A_404_with_only_a_message_is_an_ApiError_without_a_code()
    {
        var api = Assert.IsType<ApiError>(Decode.Error(T.Json(404, """{"message":"Invitation not found"}""")));
        Assert.Equal((404, "", "Invitation not found"), (api.Status, api.ErrorCode, api.Message));
    }

    [Theory]
    [InlineData("invite_expired")]
    [InlineData("invite_revoked")]
    [InlineData("invite_accepted")]
    public void A_400_invite_state_body_is_an_ApiError_with_its_code(string code)
    {
        var api = Assert.IsType<ApiError>(Decode.Error(T.Json(400, $$"""{"code":"{{code}}","message":"Invite is no longer pending."}""", ("X-Request-ID", "req_1"))));
        Assert.Equal((400, code, "Invite is no longer pending.", "req_1", ErrorCodes.ApiError), (api.Status, api.ErrorCode, api.Message, api.RequestId, api.Code));
    }
}
