using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Xunit;

namespace WorkOS.Functional.Packaging;

/// <summary>
/// The packages as a user gets them: pack the build output into a local folder, install the emulator as a
/// dotnet tool from it and start <c>workos-emulator</c>, then restore the library into a fresh consumer project
/// that calls <c>AddWorkOS(configuration)</c> and runs operations against the tool. Only NuGet is reached (and
/// only for what the machine's package cache lacks); every process is bounded in time.
/// </summary>
public sealed class PackageConsumerTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(3);

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WorkOS.Functional.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static async Task<string> Run(string file, string args, string cwd, IDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(file, args) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Step);
        try { await p.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { p.Kill(entireProcessTree: true); throw new TimeoutException($"{file} {args} ran over {Step}"); }
        var output = await stdout + await stderr;
        Assert.True(p.ExitCode == 0, $"{file} {args} exited {p.ExitCode}:\n{output}");
        return output;
    }

    [Fact]
    public async Task Packed_packages_restore_into_a_fresh_project_that_calls_the_emulator_tool()
    {
        var root = Root();
        var work = Directory.CreateTempSubdirectory("workos-pkg-");
        Process? emulator = null;
        try
        {
            var feed = Path.Combine(work.FullName, "feed");
            await Run("dotnet", $"pack \"{Path.Combine(root, "WorkOS.Functional.Packages.slnf")}\" --no-build -c {Configuration} -o \"{feed}\"", root);
            foreach (var id in new[] { "WorkOS.Functional", "WorkOS.Functional.Domain", "WorkOS.Functional.Http", "WorkOS.Functional.Extensions.DependencyInjection", "WorkOS.Functional.Emulator", "WorkOS.Functional.FsCheck" })
            {
                var nupkg = Assert.Single(Directory.GetFiles(feed, $"{id}.0.*.nupkg"), f => !f.EndsWith(".snupkg", StringComparison.Ordinal));
                Assert.Single(Directory.GetFiles(feed, $"{id}.0.*.snupkg"));
                using var zip = ZipFile.OpenRead(nupkg);
                Assert.Contains(zip.Entries, e => e.FullName == "README.md");
                var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
                Assert.Contains("<license type=\"expression\">MIT</license>", nuspec);
                Assert.Contains("<readme>README.md</readme>", nuspec);
            }

            // A private package cache, so a stale WorkOS package from an earlier run can never be used;
            // the machine's cache serves as a local feed for everything else.
            var userCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } c ? c
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(work.FullName, "cache") };
            File.WriteAllText(Path.Combine(work.FullName, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{feed}" />
                    <add key="machine-cache" value="{userCache}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                  </packageSources>
                </configuration>
                """);

            var tools = Path.Combine(work.FullName, "tools");
            await Run("dotnet", $"tool install WorkOS.Functional.Emulator --tool-path \"{tools}\" --version 0.1.0 --configfile \"{Path.Combine(work.FullName, "nuget.config")}\"", work.FullName, env);
            var url = await StartEmulator(Path.Combine(tools, "workos-emulator"), e => emulator = e);

            var app = Directory.CreateDirectory(Path.Combine(work.FullName, "consumer")).FullName;
            File.WriteAllText(Path.Combine(app, "Consumer.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="WorkOS.Functional.Extensions.DependencyInjection" Version="0.1.0" />
                    <PackageReference Include="WorkOS.Functional.FsCheck" Version="0.1.0" />
                    <PackageReference Include="Microsoft.Extensions.Configuration" Version="10.0.13" />
                    <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.13" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(app, "Program.cs"), """
                using Microsoft.Extensions.Configuration;
                using FsCheck.Fluent;
                using Microsoft.Extensions.DependencyInjection;
                using WorkOS.Functional;
                using WorkOS.Functional.FsCheck;

                var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["WorkOS:BaseUrl"] = Environment.GetEnvironmentVariable("CONSUMER_BASE_URL"),
                    ["WORKOS_API_KEY"] = "sk_test_default",
                }).Build();
                var services = new ServiceCollection();
                services.AddWorkOS(configuration);
                await using var provider = services.BuildServiceProvider();
                var client = provider.GetRequiredService<WorkOSClient>();
                var created = await client.CreateUser(CreateUserRequest.Create("package-consumer@example.com", firstName: "Pat").OrThrow()).RunOrThrow();
                var fetched = await client.GetUser(GetUserRequest.Create(created.Id).OrThrow()).RunOrThrow();
                Console.WriteLine($"consumer fetched {fetched.Email}");
                var broken = WorkOSGen.CreateUser.BrokenIn("email").Sample(size: 10, numberOfSamples: 5);
                var valid = WorkOSGen.GetUser.Valid.Sample(size: 10, numberOfSamples: 5);
                Console.WriteLine($"generators: {broken.Count(b => b.RejectsOnlyItsField)} broken emails refused, {valid.Length} valid GetUser requests");
                """);
            env["CONSUMER_BASE_URL"] = url; // the consumer restores through work/nuget.config, found by directory
            var output = await Run("dotnet", "run", app, env);
            Assert.Contains("consumer fetched package-consumer@example.com", output);
            Assert.Contains("generators: 5 broken emails refused, 5 valid GetUser requests", output);
        }
        finally
        {
            if (emulator is { HasExited: false }) emulator.Kill(entireProcessTree: true);
            emulator?.Dispose();
            try { work.Delete(recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Starts the tool on a free port and waits (bounded) until <c>/health</c> answers.</summary>
    private static async Task<string> StartEmulator(string tool, Action<Process> started)
    {
        var psi = new ProcessStartInfo(tool, "--port 0") { RedirectStandardOutput = true, RedirectStandardError = true };
        var p = Process.Start(psi)!;
        started(p);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!cts.IsCancellationRequested)
        {
            var line = await p.StandardOutput.ReadLineAsync(cts.Token) ?? throw new InvalidOperationException("the emulator tool exited: " + await p.StandardError.ReadToEndAsync());
            const string marker = "listening on ";
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0) continue;
            var url = line[(at + marker.Length)..].Trim();
            using var http = new HttpClient();
            Assert.True((await http.GetAsync(new Uri(new Uri(url), "/health"), cts.Token)).IsSuccessStatusCode);
            _ = p.StandardOutput.ReadToEndAsync(); // keep draining so the tool never blocks on a full pipe
            return url;
        }
        throw new TimeoutException("the emulator tool did not start");
    }
}
