using System.Globalization;
using System.Text.RegularExpressions;
using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration;

/// <summary>
/// Auto-pagination over real loopback HTTP against a scripted cursor server: the exact page requests,
/// laziness (a page is fetched only when needed), resuming from a cursor, cancellation, errors, and the
/// guards that stop a server from looping the pager.
/// </summary>
public sealed partial class PagingWireTests(LoopbackFixture fixture) : IClassFixture<LoopbackFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
    private LoopbackServer Server => fixture.Server;

    private static string UserJson(string id) =>
        $$"""{"object":"user","id":"{{id}}","email":"{{id}}@example.com","email_verified":true,"created_at":"2024-01-01T00:00:00.000Z","updated_at":"2024-01-01T00:00:00.000Z"}""";

    private static string Id(int i) => $"user_{i:D3}";

    /// <summary>A server holding users 1..count, paging by <c>limit</c> and <c>after</c> like the API.</summary>
    private static Func<RecordedRequest, Reply> Users(int count) => req =>
    {
        var limit = int.Parse(QueryValue(req, "limit") ?? "10", CultureInfo.InvariantCulture);
        var after = QueryValue(req, "after");
        var from = after is null ? 1 : int.Parse(after["user_".Length..], CultureInfo.InvariantCulture) + 1;
        var ids = Enumerable.Range(from, Math.Max(0, Math.Min(limit, count - from + 1))).Select(Id).ToList();
        var next = ids.Count > 0 && from + ids.Count <= count ? $"\"{ids[^1]}\"" : "null";
        return Reply.Json(200, $$$"""{"object":"list","data":[{{{string.Join(",", ids.Select(UserJson))}}}],"list_metadata":{"before":null,"after":{{{next}}}}}""");
    };

    private static string? QueryValue(RecordedRequest req, string key) =>
        QueryPattern().Matches(req.PathAndQuery).Where(m => m.Groups[1].Value == key).Select(m => Uri.UnescapeDataString(m.Groups[2].Value)).FirstOrDefault();

    [GeneratedRegex(@"[?&]([^=&]+)=([^&]*)")]
    private static partial Regex QueryPattern();

    private static async Task<List<T>> All<T>(IAsyncEnumerable<T> items, CancellationToken ct = default)
    {
        var list = new List<T>();
        await foreach (var x in items.WithCancellation(ct)) list.Add(x);
        return list;
    }

    [Fact]
    public async Task ListAllUsers_yields_every_user_once_in_order_with_one_request_per_page()
    {
        Server.Respond(Users(25));
        var request = Run.Valid(ListUsersRequest.Create(organizationId: "org_1", order: Order.Asc));
        var users = await All(Server.Client().ListAllUsers(request, pageSize: 10)).WaitAsync(Limit);

        Assert.Equal(Enumerable.Range(1, 25).Select(Id), users.Select(u => u.Id));
        Assert.Equal(
            ["/user_management/users?limit=10&order=asc&organization_id=org_1",
             "/user_management/users?after=user_010&limit=10&order=asc&organization_id=org_1",
             "/user_management/users?after=user_020&limit=10&order=asc&organization_id=org_1"],
            Server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task The_default_page_size_is_100()
    {
        Server.Respond(Users(3));
        var users = await All(Server.Client().ListAllUsers(ListUsersRequest.Default)).WaitAsync(Limit);
        Assert.Equal(3, users.Count);
        Assert.Equal("/user_management/users?limit=100&order=desc", Assert.Single(Server.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Nothing_is_sent_before_enumeration_and_the_next_page_only_when_this_one_is_used_up()
    {
        Server.Respond(Users(25));
        var pager = Server.Client().ListAllUsers(ListUsersRequest.Default, pageSize: 10);
        Assert.Empty(Server.Requests);

        await using var e = pager.GetAsyncEnumerator();
        for (var i = 0; i < 10; i++) Assert.True(await e.MoveNextAsync().AsTask().WaitAsync(Limit));
        Assert.Single(Server.Requests);
        Assert.True(await e.MoveNextAsync().AsTask().WaitAsync(Limit));
        Assert.Equal(Id(11), e.Current.Id);
        Assert.Equal(2, Server.Requests.Count);
    }

    [Fact]
    public async Task AsPages_resumes_after_a_saved_continuation_token()
    {
        Server.Respond(Users(25));
        var pager = Server.Client().ListAllUsers(ListUsersRequest.Default, pageSize: 10);
        Page<User>? first = null;
        await foreach (var page in pager.AsPages().WithCancellation(CancellationToken.None)) { first = page; break; }
        var token = first!.ContinuationToken.IfNone(() => throw new Xunit.Sdk.XunitException("no token"));
        Assert.Equal(Id(10), token);

        Server.Respond(Users(25));
        var rest = await All(pager.AsPages(token, pageSize: 7)).WaitAsync(Limit);
        Assert.Equal(Enumerable.Range(11, 15).Select(Id), rest.SelectMany(p => p.Items).Select(u => u.Id));
        Assert.Equal([7, 7, 1], rest.Select(p => p.Items.Count));
        Assert.Equal(Option<string>.None, rest[^1].ContinuationToken);
        Assert.StartsWith("/user_management/users?after=user_010&limit=7", Server.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task A_request_with_after_starts_there()
    {
        Server.Respond(Users(12));
        var users = await All(Server.Client().ListAllUsers(Run.Valid(ListUsersRequest.Create(after: Id(9))))).WaitAsync(Limit);
        Assert.Equal([Id(10), Id(11), Id(12)], users.Select(u => u.Id));
    }

    [Fact]
    public async Task Cancelling_between_pages_throws_OperationCanceled_and_sends_no_more()
    {
        Server.Respond(Users(25));
        using var cts = new CancellationTokenSource();
        var seen = 0;
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Server.Client().ListAllUsers(ListUsersRequest.Default, pageSize: 10).WithCancellation(cts.Token))
                if (++seen == 10) cts.Cancel();
        }).WaitAsync(Limit);
        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(10, seen);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task An_error_on_a_later_page_throws_WorkOSException_with_the_typed_error_after_the_earlier_items()
    {
        var pages = Users(25);
        Server.Respond(req => QueryValue(req, "after") is null ? pages(req)
            : Reply.Json(404, """{"code":"entity_not_found","message":"gone"}""", ("X-Request-ID", "req_9")));
        var seen = new List<string>();
        var ex = await Assert.ThrowsAsync<WorkOSException>(async () =>
        {
            await foreach (var u in Server.Client().ListAllUsers(ListUsersRequest.Default, pageSize: 10)) seen.Add(u.Id);
        }).WaitAsync(Limit);
        Assert.Equal(10, seen.Count);
        var api = Assert.IsType<ApiError>(ex.Error);
        Assert.Equal(404, api.Status);
        Assert.Equal(Some("req_9"), api.RequestId);
        Assert.Equal(ErrorCodes.ApiError, ex.Code);
    }

    [Fact]
    public async Task Fold_runs_every_page_in_an_Aff_and_fails_with_the_typed_error()
    {
        Server.Respond(Users(25));
        var client = Server.Client();
        var count = await Run.Succ(client.ListAllUsers(ListUsersRequest.Default, pageSize: 10).Fold(0, static (n, _) => n + 1)).WaitAsync(Limit);
        Assert.Equal(25, count);
        Assert.Equal(3, Server.Requests.Count);

        var pages = Users(25);
        Server.Respond(req => QueryValue(req, "after") == Id(20) ? Reply.Json(429, "{}", ("Retry-After", "3")) : pages(req));
        var error = await Run.Fail(client.ListAllUsers(ListUsersRequest.Default, pageSize: 10).Fold(0, static (n, _) => n + 1)).WaitAsync(Limit);
        Assert.IsType<RateLimited>(error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task An_invalid_page_size_fails_with_InvalidRequest_and_sends_nothing(int size)
    {
        Server.Respond(Users(5));
        var pager = Server.Client().ListAllUsers(ListUsersRequest.Default, pageSize: size);
        var ex = await Assert.ThrowsAsync<WorkOSException>(() => All(pager)).WaitAsync(Limit);
        Assert.Equal("page_size", Assert.Single(Assert.IsType<InvalidRequest>(ex.Error).Problems).Field);
        Assert.IsType<InvalidRequest>(await Run.Fail(pager.Fold(0, static (n, _) => n + 1)));
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task A_server_repeating_its_cursor_or_sending_an_empty_page_does_not_loop_the_pager()
    {
        Server.Respond(_ => Reply.Json(200, $$$"""{"data":[{{{UserJson("user_x")}}}],"list_metadata":{"before":null,"after":"user_x"}}"""));
        var users = await All(Server.Client().ListAllUsers(ListUsersRequest.Default)).WaitAsync(Limit);
        Assert.Equal(2, users.Count); // the first page, then the page after user_x, which names user_x again: stop
        Assert.Equal(2, Server.Requests.Count);

        Server.Respond(_ => Reply.Json(200, """{"data":[],"list_metadata":{"before":null,"after":"user_y"}}"""));
        Assert.Equal(0, await Run.Succ(Server.Client().ListAllUsers(ListUsersRequest.Default).Fold(0, static (n, _) => n + 1)).WaitAsync(Limit));
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task ListAllAuthFactors_sends_limit_and_after_while_ListAuthFactors_keeps_Gos_bare_query()
    {
        var factor = """{"object":"authentication_factor","id":"auth_factor_1","type":"totp","user_id":"user_1","created_at":"2024-01-01T00:00:00.000Z","updated_at":"2024-01-01T00:00:00.000Z","totp":{"issuer":"X","user":"a@example.com"}}""";
        Server.Respond(req => Reply.Json(200, QueryValue(req, "after") is null
            ? $$$"""{"data":[{{{factor}}}],"list_metadata":{"before":null,"after":"auth_factor_1"}}"""
            : """{"data":[],"list_metadata":{"before":"auth_factor_1","after":null}}"""));
        var request = Run.Valid(ListAuthFactorsRequest.Create("user_1"));
        var factors = await All(Server.Client().ListAllAuthFactors(request, pageSize: 5)).WaitAsync(Limit);

        Assert.Equal(["auth_factor_1"], factors.Select(f => f.Id));
        Assert.Equal(
            ["/user_management/users/user_1/auth_factors?limit=5",
             "/user_management/users/user_1/auth_factors?after=auth_factor_1&limit=5"],
            Server.Requests.Select(r => r.PathAndQuery));

        await Run.Succ(Server.Client().ListAuthFactors(request));
        Assert.Equal("/user_management/users/user_1/auth_factors", Server.Last.PathAndQuery);
    }
}
