using System.Text;
using WorkOS.Functional.Emulator;
using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration.Emulator;

/// <summary>Auto-pagination of every list operation against the independent emulator's cursors.</summary>
public sealed class PagingOnEmulatorTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private WorkOSClient Client => emu.Client;

    private static async Task<List<T>> All<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var x in items) list.Add(x);
        return list;
    }

    [Fact]
    public async Task Memberships_invitations_and_auth_factors_page_through_every_record()
    {
        var org = "org_globex";
        var userIds = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var user = await Run.Succ(Client.CreateUser(Run.Valid(CreateUserRequest.Create(EmulatorFixture.NewEmail("pg")))));
            userIds.Add(user.Id);
            await Run.Succ(Client.CreateOrganizationMembership(Run.Valid(CreateOrganizationMembershipRequest.Create(user.Id, org))));
            await Run.Succ(Client.SendInvitation(Run.Valid(SendInvitationRequest.Create(EmulatorFixture.NewEmail("pginv"), organizationId: org))));
        }
        var expectedMembers = (await Run.Succ(Client.ListOrganizationMemberships(Run.Valid(ListOrganizationMembershipsRequest.Create(organizationId: org, limit: 100))))).Data;
        var members = await All(Client.ListAllOrganizationMemberships(Run.Valid(ListOrganizationMembershipsRequest.Create(organizationId: org)), pageSize: 2)).WaitAsync(Limit);
        Assert.Equal(expectedMembers.Map(m => m.Id), members.Select(m => m.Id));
        Assert.True(members.Count >= 7);
        Assert.Superset(userIds.ToHashSet(), members.Select(m => m.UserId).ToHashSet());

        var invitations = await Run.Succ(Client.ListAllInvitations(Run.Valid(ListInvitationsRequest.Create(organizationId: org, order: Order.Asc)), pageSize: 3)
            .Fold(Seq<Invitation>(), static (s, i) => s.Add(i))).WaitAsync(Limit);
        var expectedInvitations = (await Run.Succ(Client.ListInvitations(Run.Valid(ListInvitationsRequest.Create(organizationId: org, order: Order.Asc, limit: 100))))).Data;
        Assert.Equal(expectedInvitations.Map(i => i.Id), invitations.Map(i => i.Id));
        Assert.True(invitations.Count >= 7);

        var owner = userIds[0];
        for (var i = 0; i < 3; i++)
            await Run.Succ(Client.EnrollAuthFactor(Run.Valid(EnrollAuthFactorRequest.Create(owner, FactorType.Totp, totpIssuer: "Paging", totpUser: "p@example.com"))));
        var factors = await All(Client.ListAllAuthFactors(Run.Valid(ListAuthFactorsRequest.Create(owner)), pageSize: 2)).WaitAsync(Limit);
        Assert.Equal(3, factors.Select(f => f.Id).Distinct().Count());
        Assert.All(factors, f => Assert.Equal(Some(owner), f.UserId));
    }
}

/// <summary>The memory test runs alone: other tests' allocations would blur the managed heap it measures.</summary>
[CollectionDefinition(nameof(MemoryCollection), DisableParallelization = true)]
public sealed class MemoryCollection;

/// <summary>Paging 20,000 users keeps one page in memory, not the whole list.</summary>
[Collection(nameof(MemoryCollection))]
public sealed class PagingMemoryTests
{
    private const int Users = 20_000;

    private static string Seed()
    {
        var sb = new StringBuilder("""{"users":[""");
        for (var i = 0; i < Users; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append($$"""{"id":"user_{{i:D6}}","email":"u{{i:D6}}@example.com","first_name":"First{{i}}","last_name":"Last{{i}}","email_verified":true}""");
        }
        return sb.Append("]}").ToString();
    }

    [Fact]
    public async Task Paging_20000_users_keeps_managed_memory_flat()
    {
        await using var emulator = await WorkOSEmulator.StartAsync(new EmulatorOptions { SeedJson = Seed() });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var client = WorkOSClient.Create(emulator.ApiKey, emulator.BaseUrl.ToString(), http).IfLeft(e => throw new InvalidOperationException(e.Message));

        long baseline = 0, late = 0;
        var count = 0;
        string? previous = null;
        var ordered = true;
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await foreach (var user in client.ListAllUsers(ListUsersRequest.Default).WithCancellation(cts.Token))
        {
            ordered &= previous is null || string.CompareOrdinal(previous, user.Id) > 0; // desc: each user once
            previous = user.Id;
            count++;
            if (count == 150) baseline = GC.GetTotalMemory(forceFullCollection: true);
            if (count == Users - 50) late = GC.GetTotalMemory(forceFullCollection: true);
        }

        Assert.Equal(Users, count);
        Assert.True(ordered, "users came out of order or twice");
        // Holding the 19,800 users seen between the two samples would cost well over 10 MB; one page is ~100 KB.
        var growth = late - baseline;
        Assert.True(growth < 4_000_000, $"managed memory grew by {growth:N0} bytes while paging");
    }
}
