using System.Diagnostics;
using System.Text;
using WorkOS.Functional.Emulator;
using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration;

/// <summary>
/// The README's main command really works: the quickstart runs every flow on the emulator and names each step-up;
/// against another server (here an emulator reached only through the environment variables, as a real one would be)
/// it reports the server's own answer when a step fails and deletes what it created either way.
/// </summary>
public sealed class QuickstartTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private static async Task<(int Exit, string Out, string Err)> Quickstart(params (string Name, string Value)[] environment)
    {
        // Run it from its own output folder (same configuration), where its deps.json matches its files.
        var own = AppContext.BaseDirectory.Replace(Path.Combine("tests", "Integration"), Path.Combine("samples", "Quickstart"));
        var start = new ProcessStartInfo("dotnet", Path.Combine(own, "WorkOS.Functional.Quickstart.dll"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in new[] { "WORKOS_API_KEY", "WORKOS_CLIENT_ID", "WORKOS_BASE_URL", "WORKOS_ORGANIZATION_IDS", "WORKOS_REDIRECT_URI" })
            start.Environment.Remove(name);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the quickstart did not finish within {Limit}:\n{await output}");
        }
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>An emulator like a foreign server: MFA required, two organizations, faults injected through its hooks.</summary>
    private static async Task<(WorkOSEmulator Emu, (string, string)[] Environment)> Server(params string[] hooks)
    {
        var emu = await WorkOSEmulator.StartAsync(new EmulatorOptions
        {
            MfaRequired = true,
            SeedJson = """{ "organizations": [ {"id": "org_acme", "name": "Acme"}, {"id": "org_globex", "name": "Globex"} ] }""",
        });
        using var http = Bounded.Http();
        foreach (var hook in hooks)
        {
            using var added = await http.PostAsync(new Uri(emu.BaseUrl, "_emulate/hooks"), new StringContent(hook, Encoding.UTF8, "application/json"));
            Assert.Equal(201, (int)added.StatusCode);
        }
        return (emu, [("WORKOS_API_KEY", emu.ApiKey), ("WORKOS_CLIENT_ID", emu.ClientId), ("WORKOS_BASE_URL", emu.BaseUrl.ToString()),
            ("WORKOS_ORGANIZATION_IDS", "org_acme,org_globex")]);
    }

    /// <summary>Every user and every membership of the two organizations left on the server.</summary>
    private static async Task<(Seq<User> Users, Seq<OrganizationMembership> Memberships)> Left(WorkOSEmulator emu)
    {
        var client = WorkOSClient.Create(emu.ApiKey, emu.BaseUrl.ToString(), Bounded.Http()).IfLeft(e => throw new InvalidOperationException(e.Message));
        var users = await Run.Succ(client.ListUsers(Run.Valid(ListUsersRequest.Create(limit: 100))));
        var acme = await Run.Succ(client.ListOrganizationMemberships(Run.Valid(ListOrganizationMembershipsRequest.Create(organizationId: "org_acme", limit: 100))));
        var globex = await Run.Succ(client.ListOrganizationMemberships(Run.Valid(ListOrganizationMembershipsRequest.Create(organizationId: "org_globex", limit: 100))));
        return (users.Data, acme.Data + globex.Data);
    }

    [Fact]
    public async Task The_quickstart_runs_every_flow_on_the_embedded_emulator_and_exits_zero()
    {
        var (exit, text, errors) = await Quickstart();

        Assert.True(exit == 0, $"exit {exit}\n{text}\n{errors}");
        Assert.Contains("Redirect URI: http://localhost:3000/callback (the default; set WORKOS_REDIRECT_URI", text);
        Assert.Contains("email verification required", text);
        Assert.Contains("MFA enrollment required", text);
        Assert.Contains("MFA challenge required", text);
        Assert.Contains("organization selection required", text);
        Assert.Contains("4. Authorization code with PKCE and state", text);
        Assert.Contains("redirect_uri=http://localhost:3000/callback", text);
        Assert.Contains("6. Device flow", text);
        Assert.Contains("CLI: signed in as", text);
        Assert.Contains("7. Cleanup", text);
        Assert.Matches(@"deleted membership om_\w+[\s\S]*deleted membership om_\w+[\s\S]*deleted user user_\w+", text);
        Assert.Contains("All flows succeeded.", text);
        Assert.DoesNotContain("quickstart-Passw0rd!", text);
    }

    [Fact]
    public async Task A_failed_step_on_another_server_still_deletes_the_user_and_memberships_it_created()
    {
        var (emu, environment) = await Server(
            """{"method":"POST","path":"/user_management/magic_auth","status":500,"body":{"code":"injected","message":"Magic Auth is down"}}""");
        await using var _ = emu;

        var (exit, text, errors) = await Quickstart(environment);

        Assert.True(exit == 1, $"exit {exit}\n{text}\n{errors}");
        Assert.Contains("3. Magic Auth", text);
        Assert.Contains("A step failed (ApiError); cleaning up what the run created before reporting it", text);
        Assert.Matches(@"deleted membership om_\w+[\s\S]*deleted membership om_\w+[\s\S]*deleted user user_\w+", text);
        Assert.Contains("Magic Auth is down", errors);
        var (users, memberships) = await Left(emu);
        Assert.Empty(users);
        Assert.Empty(memberships);
    }

    [Fact]
    public async Task An_authorize_error_is_reported_as_the_server_said_it_and_the_redirect_uri_comes_from_the_environment()
    {
        var (emu, environment) = await Server("""
            {"method":"GET","path":"/user_management/authorize","status":400,
             "body":{"error":"invalid_redirect_uri","error_description":"http://127.0.0.1:9/back is not a registered redirect URI."}}
            """);
        await using var _ = emu;

        var (exit, text, errors) = await Quickstart([.. environment, ("WORKOS_REDIRECT_URI", "http://127.0.0.1:9/back")]);

        Assert.True(exit == 1, $"exit {exit}\n{text}\n{errors}");
        Assert.Contains("Redirect URI: http://127.0.0.1:9/back (from WORKOS_REDIRECT_URI)", text);
        Assert.Contains("authorize answered 400 Bad Request instead of redirecting to http://127.0.0.1:9/back: "
            + "invalid_redirect_uri: http://127.0.0.1:9/back is not a registered redirect URI.", errors);
        Assert.DoesNotContain("does not match", errors);
        Assert.Contains("deleted user user_", text);
        var (users, memberships) = await Left(emu);
        Assert.Empty(users);
        Assert.Empty(memberships);
    }
}
