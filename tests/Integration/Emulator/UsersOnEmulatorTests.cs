using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration.Emulator;

/// <summary>The Users operations against the independent emulator: the client and server must agree on the wire.</summary>
public sealed class UsersOnEmulatorTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private WorkOSClient Client => emu.Client;

    [Fact]
    public async Task Create_get_update_and_delete_a_user()
    {
        var email = EmulatorFixture.NewEmail("crud");
        var program =
            from create in CreateUserRequest.Create(email, password: "long-enough-pw", firstName: "Ana", externalId: "ext-" + email,
                metadata: [new("tier", "gold"), new("legacy", "x")]).ToAff()
            from created in Client.CreateUser(create)
            from get in GetUserRequest.Create(created.Id).ToAff()
            from fetched in Client.GetUser(get)
            from byExternal in GetUserByExternalIDRequest.Create("ext-" + email).ToAff()
            from fetchedByExternal in Client.GetUserByExternalID(byExternal)
            from update in UpdateUserRequest.Create(created.Id, lastName: "Lima", metadata: [new("legacy", null), new("tier", "platinum")]).ToAff()
            from updated in Client.UpdateUser(update)
            from delete in DeleteUserRequest.Create(created.Id).ToAff()
            from _ in Client.DeleteUser(delete)
            from gone in Client.GetUser(get).Map(static _ => false) | @catchOf<ApiError, bool>(e => SuccessAff(e.Status == 404))
            select (created, fetched, fetchedByExternal, updated, gone);

        var result = await Run.Succ(program);
        Assert.Equal(email, result.created.Email);
        Assert.Equal(result.created, result.fetched);
        Assert.Equal(result.created.Id, result.fetchedByExternal.Id);
        Assert.Equal(Some("Ana"), result.updated.FirstName);
        Assert.Equal(Some("Lima"), result.updated.LastName);
        Assert.Equal(HashMap(("tier", "platinum")), result.updated.Metadata);
        Assert.True(result.gone);
    }

    [Fact]
    public async Task Duplicate_email_is_a_409_ApiError()
    {
        var request = Run.Valid(CreateUserRequest.Create(EmulatorFixture.NewEmail("dup"), password: "long-enough-pw"));
        await Run.Succ(Client.CreateUser(request));
        var error = Assert.IsType<ApiError>(await Run.Fail(Client.CreateUser(request)));
        Assert.Equal(409, error.Status);
        Assert.Equal("user_already_exists", error.ErrorCode);
        Assert.NotEqual("", error.RequestId);
    }

    [Fact]
    public async Task A_short_password_is_a_422_with_field_errors()
    {
        var error = Assert.IsType<ApiError>(await Run.Fail(Client.CreateUser(Run.Valid(CreateUserRequest.Create(EmulatorFixture.NewEmail(), password: "short")))));
        Assert.Equal(422, error.Status);
        Assert.Contains(error.FieldErrors, static f => f.Field == "password");
    }

    [Fact]
    public async Task External_ids_with_slashes_and_spaces_round_trip_through_path_escaping()
    {
        var user = await Run.Succ(Client.GetUserByExternalID(Run.Valid(GetUserByExternalIDRequest.Create("ext/ids 1"))));
        Assert.Equal("user_ids", user.Id);
    }

    [Fact]
    public async Task ListIdentities_returns_the_seeded_identities()
    {
        var identities = await Run.Succ(Client.ListIdentities(Run.Valid(ListIdentitiesRequest.Create("user_ids"))));
        Assert.Equal(Seq1(new Identity("108", "OAuth", "GoogleOAuth")), identities);
    }

    [Fact]
    public async Task Paging_through_all_users_visits_each_once_in_both_orders()
    {
        var domain = $"page{Guid.NewGuid():N}.example";
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
            ids.Add((await Run.Succ(Client.CreateUser(Run.Valid(CreateUserRequest.Create($"u{i}@{domain}", password: "long-enough-pw"))))).Id);

        foreach (var order in new[] { Order.Asc, Order.Desc })
        {
            // The emulator is shared with other tests of this class: a few dozen users at most, so 100 pages of 3 is ample.
            var pages = await Bounded.Pages(Run.Valid(ListUsersRequest.Create(limit: 3, order: order)), r => Run.Succ(Client.ListUsers(r)),
                static p => p.ListMetadata.After, static (r, after) => r.NextPage(after), maxPages: 100);
            var seen = pages.SelectMany(static p => p.Data.Map(static u => u.Id)).ToList();
            var ours = seen.Where(ids.Contains).ToList();
            Assert.Equal(seen.Count, seen.Distinct().Count());
            Assert.Equal(order == Order.Asc ? ids : Enumerable.Reverse(ids).ToList(), ours);
        }
    }

    [Fact]
    public async Task Filtering_by_email_finds_exactly_that_user()
    {
        var page = await Run.Succ(Client.ListUsers(Run.Valid(ListUsersRequest.Create(email: "plain@example.com"))));
        Assert.Equal("user_plain", Assert.Single(page.Data).Id);
    }

    [Fact]
    public async Task Filtering_by_organization_finds_its_members()
    {
        var page = await Run.Succ(Client.ListUsers(Run.Valid(ListUsersRequest.Create(organizationId: "org_globex", limit: 100))));
        Assert.Equal(new[] { "user_chain", "user_multi" }, page.Data.Map(static u => u.Id).OrderBy(static x => x));
    }

    [Fact]
    public async Task A_wrong_api_key_is_a_401()
    {
        var client = WorkOSClient.Create("sk_wrong", emu.Emulator.BaseUrl.ToString(), Bounded.Http()).IfLeft(e => throw new Exception(e.Message));
        var error = Assert.IsType<ApiError>(await Run.Fail(client.GetUser(Run.Valid(GetUserRequest.Create("user_plain")))));
        Assert.Equal(401, error.Status);
        Assert.Equal("unauthorized", error.ErrorCode);
    }
}
