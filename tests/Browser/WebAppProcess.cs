using System.Diagnostics;
using System.Text;

namespace WorkOS.Functional.Browser.Tests;

/// <summary>
/// samples/WebApp as a real child process on real Kestrel (<c>dotnet WorkOS.Functional.WebApp.dll --urls
/// http://127.0.0.1:0</c>, its embedded emulator included), as a person would start it. It reads the app's URL and the
/// emulator's from the console lines the app prints, keeps everything it printed for failure messages, and kills the
/// process tree when disposed.
/// </summary>
public sealed class WebAppProcess : IAsyncDisposable
{
    private const string AppLine = "WorkOS.Functional web app listening on ";
    private const string EmulatorLine = "Embedded WorkOS emulator at ";
    private const string DemoLine = "Demo sign-in (emulator-only values): ";
    private const string VerificationLine = "the email verification code: ";

    private readonly Process process;
    private readonly StringBuilder output = new();

    private WebAppProcess(Process process) => this.process = process;

    /// <summary>The app's root URL, e.g. <c>http://127.0.0.1:43127</c> (no trailing slash).</summary>
    public string Url { get; private set; } = "";

    /// <summary>The embedded emulator's root URL (no trailing slash).</summary>
    public string EmulatorUrl { get; private set; } = "";

    /// <summary>The demo user's email and password the app prints.</summary>
    public (string Email, string Password) DemoUser { get; private set; } = ("", "");

    /// <summary>Where the emulator shows the demo user's email verification code, as the app prints it.</summary>
    public string EmailVerificationUrl { get; private set; } = "";

    /// <summary>Everything the app printed so far (stdout and stderr).</summary>
    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public static async Task<WebAppProcess> StartAsync(TimeSpan limit)
    {
        // Run it from its own output folder (same configuration as this test), where its deps.json matches its files.
        var folder = AppContext.BaseDirectory.Replace(Path.Combine("tests", "Browser"), Path.Combine("samples", "WebApp"), StringComparison.Ordinal);
        var dll = Path.Combine(folder, "WorkOS.Functional.WebApp.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"the sample is not built at {dll}", dll);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--urls", "http://127.0.0.1:0" }) start.ArgumentList.Add(arg);
        foreach (var name in new[] { "WORKOS_API_KEY", "WORKOS_CLIENT_ID", "WORKOS_BASE_URL", "WORKOS_COOKIE_PASSWORD", "WORKOS_REDIRECT_URI", "ASPNETCORE_URLS" })
            start.Environment.Remove(name);
        var app = new WebAppProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
        // Should the test host end first (a timed-out test is abandoned, not stopped), the app must not outlive it.
        AppDomain.CurrentDomain.ProcessExit += app.KillOnExit;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(string? line)
        {
            if (line is null) return;
            lock (app.output) app.output.AppendLine(line);
            var text = line.Trim();
            if (text.StartsWith(EmulatorLine, StringComparison.Ordinal)) app.EmulatorUrl = text[EmulatorLine.Length..].Split(' ')[0];
            if (text.StartsWith(DemoLine, StringComparison.Ordinal) && text[DemoLine.Length..].Split(" / ") is [var email, var password])
                app.DemoUser = (email, password);
            if (text.StartsWith(VerificationLine, StringComparison.Ordinal)) app.EmailVerificationUrl = text[VerificationLine.Length..];
            if (line.StartsWith(AppLine, StringComparison.Ordinal))
            {
                app.Url = line[AppLine.Length..].Split(',')[0].Trim().TrimEnd('/');
                ready.TrySetResult();
            }
        }
        app.process.EnableRaisingEvents = true;
        app.process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("the app exited"));
        app.process.OutputDataReceived += (_, e) => Read(e.Data);
        app.process.ErrorDataReceived += (_, e) => Read(e.Data);
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(limit);
            // The emulator's lines follow the app's: wait for them too, as briefly as it takes.
            for (var i = 0; i < 100 && app.EmailVerificationUrl.Length == 0 && !app.process.HasExited; i++) await Task.Delay(50);
            if (app.EmulatorUrl.Length == 0 || app.DemoUser.Email.Length == 0 || app.EmailVerificationUrl.Length == 0)
                throw new InvalidOperationException("the app printed no emulator URL, demo user or verification code URL");
            return app;
        }
        catch (Exception e)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"the web app did not start within {limit} ({e.Message}):\n{app.Output}", e);
        }
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        try { if (!process.HasExited) process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { /* already gone */ }
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await process.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { /* killed; the OS reaps it */ }
        }
        process.Dispose();
    }
}
