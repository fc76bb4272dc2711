using System.Diagnostics;

namespace WorkOS.Functional.Integration;

/// <summary>The README's main command really works: the quickstart runs every flow on the emulator and names each step-up.</summary>
public sealed class QuickstartTests
{
    [Fact]
    public async Task The_quickstart_runs_every_flow_on_the_embedded_emulator_and_exits_zero()
    {
        // Run it from its own output folder (same configuration), where its deps.json matches its files.
        var own = AppContext.BaseDirectory.Replace(Path.Combine("tests", "Integration"), Path.Combine("samples", "Quickstart"));
        var start = new ProcessStartInfo("dotnet", Path.Combine(own, "WorkOS.Functional.Quickstart.dll"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("WORKOS_API_KEY");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        var text = await output;
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{text}\n{await errors}");
        Assert.Contains("email verification required", text);
        Assert.Contains("MFA enrollment required", text);
        Assert.Contains("MFA challenge required", text);
        Assert.Contains("organization selection required", text);
        Assert.Contains("4. Authorization code with PKCE and state", text);
        Assert.Contains("6. Device flow", text);
        Assert.Contains("CLI: signed in as", text);
        Assert.Contains("All flows succeeded.", text);
        Assert.DoesNotContain("quickstart-Passw0rd!", text);
    }
}
