using System.Globalization;
using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration;

// The lists added after Go v6.3 page like the others: ListAllSessions and ListAllOrganizationMembershipGroups
// walk every page with `after`, one request a page, and refuse dot-segment IDs before sending.
public sealed partial class PagingWireTests
{
    private static string SessionJson(string id) =>
        $$"""{"object":"session","id":"{{id}}","user_id":"user_01","status":"active","auth_method":"password","ip_address":null,"user_agent":null,"expires_at":"e","ended_at":null,"created_at":"c","updated_at":"u"}""";

    private static string GroupJson(string id) =>
        $$"""{"object":"group","id":"{{id}}","organization_id":"org_1","name":"{{id}}","description":null,"created_at":"c","updated_at":"u"}""";

    /// <summary>A server holding records prefix_001..count, paging by <c>limit</c> and <c>after</c> like the API.</summary>
    private static Func<RecordedRequest, Reply> Records(string prefix, int count, Func<string, string> json) => req =>
    {
        var limit = int.Parse(QueryValue(req, "limit") ?? "10", CultureInfo.InvariantCulture);
        var after = QueryValue(req, "after");
        var from = after is null ? 1 : int.Parse(after[(prefix.Length + 1)..], CultureInfo.InvariantCulture) + 1;
        var ids = Enumerable.Range(from, Math.Max(0, Math.Min(limit, count - from + 1))).Select(i => $"{prefix}_{i:D3}").ToList();
        var next = ids.Count > 0 && from + ids.Count <= count ? $"\"{ids[^1]}\"" : "null";
        return Reply.Json(200, $$$"""{"object":"list","data":[{{{string.Join(",", ids.Select(json))}}}],"list_metadata":{"before":null,"after":{{{next}}}}}""");
    };

    [Fact]
    public async Task ListAllSessions_walks_every_page_of_the_users_sessions()
    {
        Server.Respond(Records("session", 12, SessionJson));
        var sessions = await All(Server.Client().ListAllSessions(Run.Valid(ListSessionsRequest.Create("user_01", order: Order.Asc)), pageSize: 5)).WaitAsync(Limit);

        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"session_{i:D3}"), sessions.Select(s => s.Id));
        Assert.Equal(
            ["/user_management/users/user_01/sessions?limit=5&order=asc",
             "/user_management/users/user_01/sessions?after=session_005&limit=5&order=asc",
             "/user_management/users/user_01/sessions?after=session_010&limit=5&order=asc"],
            Server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task ListAllOrganizationMembershipGroups_walks_every_page_of_the_memberships_groups()
    {
        Server.Respond(Records("group", 7, GroupJson));
        var groups = await All(Server.Client().ListAllOrganizationMembershipGroups(
            Run.Valid(ListOrganizationMembershipGroupsRequest.Create("om_1", order: Order.Desc)), pageSize: 4)).WaitAsync(Limit);

        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"group_{i:D3}"), groups.Select(g => g.Id));
        Assert.Equal(
            ["/user_management/organization_memberships/om_1/groups?limit=4&order=desc",
             "/user_management/organization_memberships/om_1/groups?after=group_004&limit=4&order=desc"],
            Server.Requests.Select(r => r.PathAndQuery));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void The_newer_path_ids_refuse_dot_segments_before_anything_is_sent(string id)
    {
        static Seq<string> Fields<T>(Either<Error, T> e) => e.Match(static _ => Seq<string>(), static e => ((InvalidRequest)e).Fields);
        Assert.Equal(Seq1("user_id"), Fields(ListSessionsRequest.Create(id)));
        Assert.Equal(Seq1("organization_membership_id"), Fields(ListOrganizationMembershipGroupsRequest.Create(id)));
        Assert.Equal(Seq1("invitation_id"), Fields(AcceptInvitationRequest.Create(id)));
        Assert.Equal(Seq1("radar_challenge_id"), Fields(GetRadarChallengeRequest.Create(id)));
        Assert.Equal(Seq1("user_id"), Fields(SendEmailChangeRequest.Create(id, "new@example.com")));
        Assert.Equal(Seq1("user_id"), Fields(ConfirmEmailChangeRequest.Create(id, "123456")));
    }
}
