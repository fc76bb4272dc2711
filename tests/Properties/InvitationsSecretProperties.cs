namespace WorkOS.Functional.Properties;

/// <summary>Invitation tokens (and the accept URL that embeds one) never show in <c>ToString()</c>.</summary>
public sealed class InvitationsSecretProperties
{
    [Property]
    public Property FindInvitationByTokenRequest_never_prints_its_token() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), token =>
        {
            var request = T.Valid(FindInvitationByTokenRequest.Create(token));
            return !request.ToString().Contains(token) && !$"{request}".Contains(token) && !request.InvitationToken.ToString().Contains(token)
                && request.InvitationToken.Reveal() == token;
        });

    [Property]
    public Property Invitations_and_pages_never_print_the_token_or_the_accept_url() =>
        Prop.ForAll(Gens.Invitation.ToArbitrary(), i =>
        {
            var token = i.Token.Reveal();
            var decoded = T.Valid(Decode.Invitation(T.Json(200, OrgWire.Invitation(i))));
            var page = T.Valid(Decode.ListInvitations(T.Json(200, OrgWire.Page([OrgWire.Invitation(i)]))));
            var texts = new object[] { i, decoded, page, page.Data, Right<Error, Invitation>(decoded), Some(decoded) };
            return texts.All(t => !t.ToString()!.Contains(token)) && decoded.Token.Reveal() == token
                && decoded.AcceptInvitationUrl.Reveal().Contains(token);
        });

    [Property]
    public Property Failing_to_decode_an_invitation_never_quotes_the_token() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), token =>
        {
            var error = Decode.Invitation(T.Json(200, $$"""{"id":"invitation_1","token":"{{token}}","state":""")).Match(Right: static _ => Error.New("no"), Left: static e => e);
            return error is DecodeError && !error.ToString().Contains(token) && !error.Message.Contains(token);
        });

    [Property]
    public Property An_invitation_error_answer_never_prints_its_raw_body() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), token =>
        {
            var error = Decode.Error(T.Json(400, $$"""{"code":"invite_expired","message":"Invite expired.","token":"{{token}}"}"""));
            return error is ApiError api && !api.ToString().Contains(token) && !api.Context.ToString().Contains(token)
                && api.Context.RawBody.Reveal().Contains(token);
        });
}
