using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using WorkOS.Functional.Benchmarks;

// dotnet run -c Release --project bench/WorkOS.Functional.Benchmarks -- --quick [--seconds N]
//     interleaved pairs, one "RATIO <name> time=<client/baseline> alloc=<client/baseline>" line each
// dotnet run -c Release --project bench/WorkOS.Functional.Benchmarks -- --quick --only GetUser,Decode
//     only the pairs whose name contains one of the comma-separated words (the emulator and paging parts
//     run only when no --only is given or a word matches "Emulator" / "Paging")
// dotnet run -c Release --project bench/WorkOS.Functional.Benchmarks -- [BenchmarkDotNet args, e.g. --filter '*']
//     the full BenchmarkDotNet suite (in-process toolchain), with Ratio and Alloc Ratio columns

if (args.Contains("--quick"))
{
    var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).FirstOrDefault(8);
    var only = args.SkipWhile(a => a != "--only").Skip(1).Select(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries)).FirstOrDefault();
    bool Wanted(string name) => only is null || only.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));
    var started = Stopwatch.StartNew();
    Console.WriteLine($"quick mode: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {seconds}s per pair, client/baseline interleaved");
    await using (var bench = await Workbench.Start())
    {
        await bench.Check();
        await QuickRunner.Run(new Pair[]
        {
            new Pair("GetUser", async () => await bench.ClientGetUser(), async () => await bench.BaselineGetUser()),
            new Pair("ListUsers100", async () => await bench.ClientListUsers(), async () => await bench.BaselineListUsers(), Gen2: true),
            new Pair("AuthenticateWithPassword", async () => await bench.ClientAuthenticate(), async () => await bench.BaselineAuthenticate()),
            new Pair("GetUser(client without resilience handlers, for information)", async () => await bench.PlainClientGetUser(), async () => await bench.BaselineGetUser()),
            new Pair("EncodeCreateUser", () => { Workbench.ClientEncodeCreateUser(); return default; }, () => { Workbench.BaselineEncodeCreateUser(); return default; }),
            new Pair("DecodeUser", () => { bench.ClientDecodeUser(); return default; }, () => { Workbench.BaselineDecodeUser(); return default; }),
            new Pair("DecodeUsersPage", () => { bench.ClientDecodePage(); return default; }, () => { Workbench.BaselineDecodePage(); return default; }, Gen2: true),
            new Pair("DecodeStepUp", () => { bench.ClientDecodeStepUp(); return default; }, () => { Workbench.BaselineDecodeStepUp(); return default; }),
        }.Where(p => Wanted(p.Name)), TimeSpan.FromSeconds(seconds), Console.Out);
    }
    if (Wanted("Emulator"))
    await using (var emulator = await EmulatorBench.Start())
    {
        await emulator.Check();
        await QuickRunner.Run(
        [
            new Pair($"Emulator.PageAt{EmulatorBench.DirectorySize}Users(vs canned page)", async () => await emulator.EmulatorPage(), async () => await emulator.CannedPage()),
            new Pair($"Emulator.GetUser(vs Kestrel hello world, {EmulatorBench.Concurrency} concurrent)", async () => await emulator.EmulatorGetUsers(), async () => await emulator.HelloWorlds()),
        ], TimeSpan.FromSeconds(seconds), Console.Out);
    }
    if (Wanted("Paging"))
    await using (var emulator = await EmulatorBench.Start())
    {
        // A whole walk takes seconds, so this pair gets one warm-up walk and three interleaved rounds a side.
        var (client, baseline) = (await emulator.ClientPageAll(), await emulator.BaselinePageAll());
        if (client.Users != EmulatorBench.DirectorySize || baseline.Users != EmulatorBench.DirectorySize)
            throw new InvalidOperationException($"paging saw {client.Users} and {baseline.Users} users, not {EmulatorBench.DirectorySize}");
        var (ratios, clientPeak, baselinePeak, clientMs, baselineMs) = (new List<double>(), 0L, 0L, new List<double>(), new List<double>());
        for (var round = 0; round < 3; round++)
        {
            var sw = Stopwatch.StartNew();
            var c = await emulator.ClientPageAll();
            var ct = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            var b = await emulator.BaselinePageAll();
            var bt = sw.Elapsed.TotalMilliseconds;
            (clientPeak, baselinePeak) = (Math.Max(clientPeak, c.PeakHeapGrowth), Math.Max(baselinePeak, b.PeakHeapGrowth));
            clientMs.Add(ct);
            baselineMs.Add(bt);
            ratios.Add(ct / bt);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  Paging{EmulatorBench.DirectorySize}Users: client {clientMs.Order().ElementAt(1):F0} ms/walk peak heap growth {clientPeak / 1024} KB | baseline {baselineMs.Order().ElementAt(1):F0} ms/walk peak heap growth {baselinePeak / 1024} KB | 3 rounds"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RATIO Paging{EmulatorBench.DirectorySize}Users(auto-pagination, emulator) time={ratios.Order().ElementAt(1):F2} peakheap={(double)clientPeak / Math.Max(1, baselinePeak):F2}"));
    }
    Console.WriteLine($"quick mode done in {started.Elapsed.TotalSeconds:F0}s");
    return 0;
}

var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(Workbench).Assembly).Run(args, config);
return 0;
