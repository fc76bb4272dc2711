using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration.Emulator;

/// <summary>Invitations against the independent emulator.</summary>
public sealed class InvitationsOnEmulatorTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private WorkOSClient Client => emu.Client;

    private Task<Invitation> Invite(string email, string? orgId = "org_acme", int? days = null, string? inviter = null, string? roleSlug = null) =>
        Run.Succ(Client.SendInvitation(Run.Valid(SendInvitationRequest.Create(email, orgId, days, inviter, roleSlug))));

    private Task<Invitation> Get(string id) => Run.Succ(Client.GetInvitation(Run.Valid(GetInvitationRequest.Create(id))));

    [Fact]
    public async Task SendInvitation_then_GetInvitation_and_FindInvitationByToken()
    {
        var email = EmulatorFixture.NewEmail("invitee");
        var sent = await Invite(email, "org_acme", days: 3, inviter: "user_plain", roleSlug: "admin");
        Assert.StartsWith("invitation_", sent.Id);
        Assert.Equal(email, sent.Email);
        Assert.Equal(InvitationState.Pending, sent.State);
        Assert.Equal(Some("org_acme"), sent.OrganizationId);
        Assert.Equal(Some("user_plain"), sent.InviterUserId);
        Assert.Equal(Some("admin"), sent.RoleSlug);
        Assert.True(sent.AcceptedAt.IsNone);
        Assert.True(sent.RevokedAt.IsNone);
        Assert.True(sent.AcceptedUserId.IsNone);
        Assert.False(sent.Token.IsEmpty);
        Assert.Contains(sent.Token.Reveal(), sent.AcceptInvitationUrl.Reveal());
        Assert.Equal(TimeSpan.FromDays(3), VerificationOnEmulatorTests.Ts(sent.ExpiresAt) - VerificationOnEmulatorTests.Ts(sent.CreatedAt));

        Assert.Equal(sent, await Get(sent.Id));
        Assert.Equal(sent, await Run.Succ(Client.FindInvitationByToken(Run.Valid(FindInvitationByTokenRequest.Create(sent.Token)))));
        Assert.Equal(sent, await Run.Succ(Client.FindInvitationByToken(Run.Valid(FindInvitationByTokenRequest.Create(sent.Token.Reveal())))));
    }

    [Fact]
    public async Task Without_expires_in_days_an_invitation_lasts_seven_days()
    {
        var sent = await Invite(EmulatorFixture.NewEmail("default"), orgId: null);
        Assert.True(sent.OrganizationId.IsNone);
        Assert.Equal(TimeSpan.FromDays(7), VerificationOnEmulatorTests.Ts(sent.ExpiresAt) - VerificationOnEmulatorTests.Ts(sent.CreatedAt));
    }

    [Fact]
    public async Task ListInvitations_by_organization_and_by_email()
    {
        var email = EmulatorFixture.NewEmail("listed");
        var acme = await Invite(email, "org_acme");
        var globex = await Invite(email, "org_globex");

        var byEmail = await Run.Succ(Client.ListInvitations(Run.Valid(ListInvitationsRequest.Create(email: email))));
        Assert.Equal(new[] { globex.Id, acme.Id }, byEmail.Data.Map(static i => i.Id)); // desc: newest first
        Assert.Equal(acme, byEmail.Data.Last);

        var byOrg = await Run.Succ(Client.ListInvitations(Run.Valid(ListInvitationsRequest.Create(organizationId: "org_globex", limit: 100))));
        Assert.Contains(byOrg.Data, i => i.Id == globex.Id);
        Assert.DoesNotContain(byOrg.Data, i => i.Id == acme.Id);
        Assert.All(byOrg.Data, static i => Assert.Equal(Some("org_globex"), i.OrganizationId));

        var both = await Run.Succ(Client.ListInvitations(Run.Valid(ListInvitationsRequest.Create(organizationId: "org_acme", email: email))));
        Assert.Equal(acme.Id, Assert.Single(both.Data).Id);
    }

    [Fact]
    public async Task Paging_invitations_with_NextPage_visits_each_once()
    {
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
            ids.Add((await Invite(EmulatorFixture.NewEmail("pg"), "org_globex")).Id);

        var pages = await Bounded.Pages(Run.Valid(ListInvitationsRequest.Create(organizationId: "org_globex", limit: 3, order: Order.Asc)),
            r => Run.Succ(Client.ListInvitations(r)), static p => p.ListMetadata.After, static (r, after) => r.NextPage(after), maxPages: 100);
        var seen = pages.SelectMany(static p => p.Data.Map(static i => i.Id)).ToList();
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(ids, seen.Where(ids.Contains).ToList());
    }

    [Fact]
    public async Task ResendInvitation_gives_a_new_token_and_the_old_one_no_longer_finds_it()
    {
        var sent = await Invite(EmulatorFixture.NewEmail("resend"), days: 2);
        var resent = await Run.Succ(Client.ResendInvitation(Run.Valid(ResendInvitationRequest.Create(sent.Id))));
        Assert.Equal(sent.Id, resent.Id);
        Assert.Equal(InvitationState.Pending, resent.State);
        Assert.NotEqual(sent.Token, resent.Token);
        Assert.Contains(resent.Token.Reveal(), resent.AcceptInvitationUrl.Reveal());

        var found = await Run.Succ(Client.FindInvitationByToken(Run.Valid(FindInvitationByTokenRequest.Create(resent.Token))));
        Assert.Equal(sent.Id, found.Id);
        var old = Assert.IsType<ApiError>(await Run.Fail(Client.FindInvitationByToken(Run.Valid(FindInvitationByTokenRequest.Create(sent.Token)))));
        Assert.Equal(404, old.Status);
        Assert.Equal("entity_not_found", old.ErrorCode);
    }

    [Fact]
    public async Task RevokeInvitation_then_revoke_or_resend_again_is_a_400_invite_revoked()
    {
        var sent = await Invite(EmulatorFixture.NewEmail("revoke"));
        var revoke = Run.Valid(RevokeInvitationRequest.Create(sent.Id));
        var revoked = await Run.Succ(Client.RevokeInvitation(revoke));
        Assert.Equal(sent.Id, revoked.Id);
        Assert.Equal(InvitationState.Revoked, revoked.State);
        Assert.True(revoked.RevokedAt.IsSome);
        Assert.Equal(InvitationState.Revoked, (await Get(sent.Id)).State);

        var resend = Assert.IsType<ApiError>(await Run.Fail(Client.ResendInvitation(Run.Valid(ResendInvitationRequest.Create(sent.Id)))));
        Assert.Equal(400, resend.Status);
        Assert.Equal("invite_revoked", resend.ErrorCode);

        var again = Assert.IsType<ApiError>(await Run.Fail(Client.RevokeInvitation(revoke)));
        Assert.Equal(400, again.Status);
        Assert.Equal("invite_revoked", again.ErrorCode);
    }

    [Fact]
    public async Task A_second_pending_invitation_for_the_same_email_and_organization_is_a_400_until_the_first_is_revoked()
    {
        var email = EmulatorFixture.NewEmail("dupinv");
        var first = await Invite(email);
        var error = Assert.IsType<ApiError>(await Run.Fail(Client.SendInvitation(Run.Valid(SendInvitationRequest.Create(email, "org_acme")))));
        Assert.Equal(400, error.Status);
        Assert.Equal("duplicate_invitation", error.ErrorCode);

        await Run.Succ(Client.RevokeInvitation(Run.Valid(RevokeInvitationRequest.Create(first.Id))));
        var second = await Invite(email);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task Unknown_organization_inviter_or_id_are_404s()
    {
        var org = Assert.IsType<ApiError>(await Run.Fail(Client.SendInvitation(Run.Valid(SendInvitationRequest.Create(EmulatorFixture.NewEmail(), "org_nope")))));
        Assert.Equal(404, org.Status);
        Assert.Equal("entity_not_found", org.ErrorCode);

        var inviter = Assert.IsType<ApiError>(await Run.Fail(Client.SendInvitation(Run.Valid(SendInvitationRequest.Create(EmulatorFixture.NewEmail(), "org_acme", inviterUserId: "user_nope")))));
        Assert.Equal(404, inviter.Status);

        var get = Assert.IsType<ApiError>(await Run.Fail(Client.GetInvitation(Run.Valid(GetInvitationRequest.Create("invitation_nope")))));
        Assert.Equal(404, get.Status);
        Assert.Equal("entity_not_found", get.ErrorCode);
    }

    [Fact]
    public void Expires_in_days_outside_1_to_30_is_rejected_locally()
    {
        var error = Assert.IsType<InvalidRequest>(SendInvitationRequest.Create(EmulatorFixture.NewEmail(), "org_acme", expiresInDays: 31).Match(Left: static e => e, Right: static _ => null!));
        Assert.Equal(Seq1("expires_in_days"), error.Fields);
    }
}

/// <summary>Invitation expiry: these tests move their own emulator's clock, so they have a fixture of their own.</summary>
public sealed class InvitationExpiryOnEmulatorTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private WorkOSClient Client => emu.Client;

    [Fact]
    public async Task A_pending_invitation_past_its_expiry_reports_expired_and_cannot_be_resent_or_revoked()
    {
        var sent = await Run.Succ(Client.SendInvitation(Run.Valid(SendInvitationRequest.Create(EmulatorFixture.NewEmail("exp"), "org_acme", expiresInDays: 1))));
        Assert.Equal(InvitationState.Pending, sent.State);

        emu.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        var fetched = await Run.Succ(Client.GetInvitation(Run.Valid(GetInvitationRequest.Create(sent.Id))));
        Assert.Equal(InvitationState.Expired, fetched.State);
        var listed = await Run.Succ(Client.ListInvitations(Run.Valid(ListInvitationsRequest.Create(email: sent.Email))));
        Assert.Equal(InvitationState.Expired, Assert.Single(listed.Data).State);

        var resend = Assert.IsType<ApiError>(await Run.Fail(Client.ResendInvitation(Run.Valid(ResendInvitationRequest.Create(sent.Id)))));
        Assert.Equal(400, resend.Status);
        Assert.Equal("invite_expired", resend.ErrorCode);

        var revoke = Assert.IsType<ApiError>(await Run.Fail(Client.RevokeInvitation(Run.Valid(RevokeInvitationRequest.Create(sent.Id)))));
        Assert.Equal(400, revoke.Status);
        Assert.Equal("invite_expired", revoke.ErrorCode);
    }

    [Fact]
    public async Task Resending_a_pending_invitation_gives_a_fresh_expiry_of_the_same_length()
    {
        var sent = await Run.Succ(Client.SendInvitation(Run.Valid(SendInvitationRequest.Create(EmulatorFixture.NewEmail("fresh"), "org_globex", expiresInDays: 2))));

        emu.Clock.Advance(TimeSpan.FromDays(1));

        var resent = await Run.Succ(Client.ResendInvitation(Run.Valid(ResendInvitationRequest.Create(sent.Id))));
        Assert.Equal(InvitationState.Pending, resent.State);
        Assert.Equal(TimeSpan.FromDays(1), VerificationOnEmulatorTests.Ts(resent.ExpiresAt) - VerificationOnEmulatorTests.Ts(sent.ExpiresAt));
        Assert.Equal(TimeSpan.FromDays(2), VerificationOnEmulatorTests.Ts(resent.ExpiresAt) - VerificationOnEmulatorTests.Ts(resent.UpdatedAt));
    }
}
