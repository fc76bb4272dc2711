using System.Diagnostics;
using WorkOS.Functional.Emulator;
using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration;

/// <summary>
/// The official WorkOS Node SDK (<c>@workos-inc/node</c>, pinned in tests/NodeSdk/package-lock.json) runs its
/// <c>listSessions</c>, <c>acceptInvitation</c> and <c>enrollAuthFactor</c> against the emulator: a check, independent
/// of this library, that the emulator speaks the real wire format. The TOTP factor's <c>qr_code</c> PNG is scanned with
/// jsQR (also pinned there), so the QR code the hosted sign-in page shows is proven readable. Needs <c>node</c> and <c>npm</c> on PATH (Node 20.15+); without them
/// the test fails and says so.
/// </summary>
public sealed class NodeSdkTests
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_official_Node_SDK_lists_sessions_accepts_an_invitation_and_scans_a_TOTP_QR_code_on_the_emulator()
    {
        var dir = Path.Combine(Repository.Root(), "tests", "NodeSdk");
        var node = OnPath("node") ?? throw new Xunit.Sdk.XunitException("node is not on PATH: install Node.js 20.15 or newer to run the official Node SDK against the emulator.");
        var npm = OnPath("npm") ?? throw new Xunit.Sdk.XunitException("npm is not on PATH: install Node.js 20.15 or newer (with npm) to run the official Node SDK against the emulator.");
        if (!new[] { "@workos-inc/node", "jsqr", "pngjs" }.All(p => File.Exists(Path.Combine(dir, "node_modules", p, "package.json"))))
        {
            var install = await RunAsync(npm, ["ci", "--no-audit", "--no-fund"], dir, InstallTimeout);
            Assert.True(install.ExitCode == 0, $"npm ci failed ({install.ExitCode}):\n{install.Output}");
        }

        await using var emu = await WorkOSEmulator.StartAsync(new EmulatorOptions());
        var run = await RunAsync(node, ["script.mjs", emu.BaseUrl.ToString(), emu.ApiKey, emu.ClientId], dir, ScriptTimeout);

        Assert.True(run.ExitCode == 0, $"node script.mjs exited {run.ExitCode}:\n{run.Output}");
        Assert.Contains("""{"sessions":[{"status":"revoked","authMethod":"password"},{"status":"active","authMethod":"password"}],"invitation":{"state":"accepted","member":"active"},"totp":{"qrCode":"scanned","matchesUri":true}}""", run.Output);
    }

    private static string? OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(d => OperatingSystem.IsWindows() ? new[] { Path.Combine(d, tool + ".cmd"), Path.Combine(d, tool + ".exe") } : [Path.Combine(d, tool)])
            .FirstOrDefault(File.Exists);

    /// <summary>Runs a process to completion or kills it (and its children) after <paramref name="timeout"/>.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] args, string dir, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new Xunit.Sdk.XunitException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"{Path.GetFileName(file)} {string.Join(' ', args)} did not finish within {timeout}.");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
