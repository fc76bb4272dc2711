using System.Text;
using System.Text.Json;
using WorkOS.Functional.Emulator;

namespace WorkOS.Functional.Benchmarks;

/// <summary>
/// Everything one run needs, made once: the canned server, the real client and the baseline pointed at
/// it, and the pure inputs. Each pair is a client method and a baseline method doing the same work;
/// BenchmarkDotNet and the quick mode call the same methods.
/// </summary>
public sealed class Workbench : IAsyncDisposable
{
    private static readonly Secret Key = Secret.Of(Fixtures.ApiKey);
    private static readonly Dictionary<string, string> Metadata = new() { ["region"] = "eu-west-1", ["tier"] = "gold" }; // ordinal order, as the client writes maps

    private readonly HttpClient baselineHttp;
    private readonly GetUserRequest getUser = GetUserRequest.Create(Fixtures.UserId).IfLeft(e => throw new InvalidOperationException(e.Message));
    private readonly ListUsersRequest listUsers = ListUsersRequest.Create(limit: 100).IfLeft(e => throw new InvalidOperationException(e.Message));
    private readonly AuthenticateWithPasswordRequest password =
        AuthenticateWithPasswordRequest.Create(Fixtures.ClientId, Fixtures.Email, Fixtures.Password).IfLeft(e => throw new InvalidOperationException(e.Message));
    private readonly HttpResponseSpec userResponse = Responses.Of(200, Fixtures.User);
    private readonly HttpResponseSpec pageResponse = Responses.Of(200, Fixtures.UsersPage);
    private readonly HttpResponseSpec mfaResponse = Responses.Of(403, Fixtures.MfaChallenge);

    private Workbench(LoopbackServer server, WorkOSClient client, HttpClient baselineHttp)
    {
        (Server, Client, this.baselineHttp) = (server, client, baselineHttp);
        Baseline = new BaselineClient(baselineHttp, server.BaseUrl, Fixtures.ApiKey);
        // The same client over a plain HttpClient (no resilience handlers, the baseline's kind): shows what the pipeline itself costs.
        PlainClient = WorkOSClient.Create(Fixtures.ApiKey, server.BaseUrl.AbsoluteUri, plainHttp).IfLeft(e => throw new InvalidOperationException(e.Message));
    }

    private readonly HttpClient plainHttp = new(Decompressing());

    /// <summary>
    /// A connection handler that asks for compressed answers, as the client's shared pool does: both sides then send
    /// the same headers (<c>Accept-Encoding</c> included), so a pair measures the same wire exchange.
    /// </summary>
    private static SocketsHttpHandler Decompressing() => new() { AutomaticDecompression = System.Net.DecompressionMethods.All };

    public WorkOSClient PlainClient { get; }

    public LoopbackServer Server { get; }
    public WorkOSClient Client { get; }
    public BaselineClient Baseline { get; }

    public static async Task<Workbench> Start()
    {
        var server = await LoopbackServer.StartCanned().ConfigureAwait(false);
        // The real client exactly as an application makes it (its own HttpClient and handler pipeline).
        var client = WorkOSClient.Create(Fixtures.ApiKey, server.BaseUrl.AbsoluteUri).IfLeft(e => throw new InvalidOperationException(e.Message));
        return new Workbench(server, client, new HttpClient(Decompressing()));
    }

    // ---- end to end, over loopback HTTP

    public async Task<User> ClientGetUser() => (await Client.GetUser(getUser).Run().ConfigureAwait(false)).ThrowIfFail();
    public Task<PlainUser> BaselineGetUser() => Baseline.GetUser(Fixtures.UserId);
    public async Task<User> PlainClientGetUser() => (await PlainClient.GetUser(getUser).Run().ConfigureAwait(false)).ThrowIfFail();

    public async Task<ListUsersResponse> ClientListUsers() => (await Client.ListUsers(listUsers).Run().ConfigureAwait(false)).ThrowIfFail();
    public Task<PlainUserList> BaselineListUsers() => Baseline.ListUsers(100);

    public async Task<AuthenticateResponse> ClientAuthenticate() => (await Client.AuthenticateWithPassword(password).Run().ConfigureAwait(false)).ThrowIfFail();
    public Task<PlainAuthenticateResponse> BaselineAuthenticate() => Baseline.AuthenticateWithPassword(Fixtures.ClientId, Fixtures.Email, Fixtures.Password);

    // ---- pure: no I/O

    /// <summary>Validate, encode, and the UTF-8 body bytes that go on the wire.</summary>
    public static ReadOnlyMemory<byte> ClientEncodeCreateUser() =>
        CreateUserRequest.Create(Fixtures.Email, password: Fixtures.Password, firstName: "Ana", lastName: "Lee", externalId: "crm-00000042", metadata: Metadata)
            .Map(static r => Encode.CreateUser(r, Key))
            .Bind(static spec => spec.Body.ToEither(Error.New("no body")))
            .Map(static body => body.RenderUtf8())
            .IfLeft(static e => throw new InvalidOperationException(e.Message));

    public static byte[] BaselineEncodeCreateUser() =>
        BaselineClient.EncodeCreateUser(Fixtures.Email, Fixtures.Password, "Ana", "Lee", "crm-00000042", Metadata);

    public User ClientDecodeUser() => Decode.User(userResponse).IfLeft(static e => throw new InvalidOperationException(e.Message));
    public static PlainUser BaselineDecodeUser() => JsonSerializer.Deserialize<PlainUser>(Fixtures.User, BaselineClient.Json)!;

    public ListUsersResponse ClientDecodePage() => Decode.ListUsers(pageResponse).IfLeft(static e => throw new InvalidOperationException(e.Message));
    public static PlainUserList BaselineDecodePage() => JsonSerializer.Deserialize<PlainUserList>(Fixtures.UsersPage, BaselineClient.Json)!;

    public Error ClientDecodeStepUp() => Decode.Error(mfaResponse);
    public static PlainMfaChallenge BaselineDecodeStepUp()
    {
        var body = JsonSerializer.Deserialize<PlainMfaChallenge>(Fixtures.MfaChallenge, BaselineClient.Json)!;
        return body.Code == "mfa_challenge" ? body : throw new InvalidOperationException("not a step-up");
    }

    /// <summary>
    /// Both sides of every pair answer the same thing before anything is measured: a benchmark of two
    /// different exchanges would be meaningless.
    /// </summary>
    public async Task Check()
    {
        var (u, pu) = (await ClientGetUser(), await BaselineGetUser());
        Require(u.Id == pu.Id && u.Email == pu.Email && u.Metadata.Count == pu.Metadata!.Count, "GetUser");
        var (l, pl) = (await ClientListUsers(), await BaselineListUsers());
        Require(l.Data.Count == 100 && pl.Data.Count == 100 && l.ListMetadata.After == Some(pl.ListMetadata.After!), "ListUsers");
        var (a, pa) = (await ClientAuthenticate(), await BaselineAuthenticate());
        Require(a.User.Id == pa.User.Id && a.AccessToken.Reveal() == pa.AccessToken, "AuthenticateWithPassword");
        Require(ClientEncodeCreateUser().Span.SequenceEqual(BaselineEncodeCreateUser()), "EncodeCreateUser (same bytes)");
        Require(ClientDecodeUser().Id == BaselineDecodeUser().Id, "DecodeUser");
        Require(ClientDecodePage().Data.Count == BaselineDecodePage().Data.Count, "DecodeUsersPage");
        Require(ClientDecodeStepUp() is MfaChallengeRequired m && m.User.Id == BaselineDecodeStepUp().User.Id, "DecodeStepUp");
        var viaServer = WorkOSClient.Create(Fixtures.ApiKey, Server.BaseUrl.AbsoluteUri + LoopbackServer.MfaPrefix.TrimStart('/'))
            .IfLeft(e => throw new InvalidOperationException(e.Message));
        var stepUp = await viaServer.AuthenticateWithPassword(password).Run();
        Require(stepUp.Match(_ => false, e => e is MfaChallengeRequired), "the canned 403 is an MfaChallengeRequired end to end");
    }

    private static void Require(bool ok, string what)
    {
        if (!ok) throw new InvalidOperationException($"client and baseline disagree: {what}");
    }

    public async ValueTask DisposeAsync()
    {
        baselineHttp.Dispose();
        plainHttp.Dispose();
        await Server.DisposeAsync().ConfigureAwait(false);
    }
}
