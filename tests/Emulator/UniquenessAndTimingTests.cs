namespace WorkOS.Functional.Emulator.Tests;

/// <summary>Issue item 7: external_id is unique; unknown emails cost a hash; hashing runs outside the state lock.</summary>
public class UniquenessAndTimingTests
{
    [Fact]
    public async Task External_id_is_unique_per_environment()
    {
        await using var h = await Harness.StartAsync();
        var a = await h.Post("/user_management/users", new { email = "a@example.com", external_id = "crm-1" });
        Assert.Equal(201, a.Code);
        var dup = await h.Post("/user_management/users", new { email = "b@example.com", external_id = "crm-1" });
        Assert.Equal(409, dup.Code);
        Assert.Equal("external_id_already_exists", dup.S("code"));
        var b = await h.Post("/user_management/users", new { email = "b@example.com", external_id = "crm-2" });
        Assert.Equal(409, (await h.Put($"/user_management/users/{b.S("id")}", new { external_id = "crm-1" })).Code);
        Assert.Equal(200, (await h.Put($"/user_management/users/{a.S("id")}", new { external_id = "crm-1", first_name = "A" })).Code);
        Assert.Equal(a.S("id"), (await h.Get("/user_management/users/external_id/crm-1")).S("id"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => WorkOSEmulator.StartAsync(new EmulatorOptions
        {
            SeedJson = """{"users":[{"email":"x@e.co","external_id":"e"},{"email":"y@e.co","external_id":"e"}]}""",
        }));
    }

    [Fact]
    public async Task An_unknown_email_costs_one_password_hash_like_a_wrong_password()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("known@example.com");
        await h.Post("/user_management/users", new { email = "imported@example.com", password_hash = "$2b$10$abc", password_hash_type = "bcrypt" });
        foreach (var (email, password) in new[] { ("known@example.com", "wrong-password"), ("ghost@example.com", "wrong-password"), ("imported@example.com", "whatever1") })
        {
            var before = h.Emu.Runtime.PasswordChecks;
            Assert.Equal("invalid_credentials", (await h.PasswordLogin(email, password)).S("code"));
            Assert.Equal(before + 1, h.Emu.Runtime.PasswordChecks);
        }
    }

    [Fact]
    public async Task Password_hashes_are_checked_outside_the_state_lock()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("lock@example.com");
        var underLock = new List<bool>();
        h.Emu.Runtime.OnPasswordCheck = held => { lock (underLock) underLock.Add(held); };
        Assert.Equal(200, (await h.PasswordLogin("lock@example.com")).Code);
        Assert.Equal(400, (await h.PasswordLogin("lock@example.com", "wrong-password")).Code);
        Assert.Equal(400, (await h.PasswordLogin("nobody@example.com")).Code);
        Assert.Equal([false, false, false], underLock);
    }

    [Fact]
    public async Task Many_concurrent_password_sign_ins_all_finish()
    {
        const int n = 100;
        var users = string.Join(",", Enumerable.Range(0, n).Select(i => $$"""{"email":"p{{i}}@example.com","password":"Passw0rd!","email_verified":true}"""));
        await using var h = await Harness.StartAsync(new EmulatorOptions { SeedJson = $$"""{"users":[{{users}}]}""" });
        var results = await Task.WhenAll(Enumerable.Range(0, n).Select(i => Task.Run(() => h.PasswordLogin($"p{i}@example.com"))))
            .WaitAsync(TimeSpan.FromSeconds(120)); // a hang guard, not a speed assertion
        Assert.All(results, r => Assert.Equal(200, r.Code));
        Assert.Equal(n, results.Select(r => r.S("refresh_token")).Distinct().Count());
    }

    [Fact]
    public async Task A_password_changed_while_a_sign_in_hashes_wins()
    {
        await using var h = await Harness.StartAsync();
        var id = (await h.CreateUser("race@example.com"))["id"]!.GetValue<string>();
        // while the first sign-in verifies the old password outside the lock, the password changes
        h.Emu.Runtime.OnPasswordCheck = _ =>
        {
            h.Emu.Runtime.OnPasswordCheck = null;
            Assert.Equal(200, h.Put($"/user_management/users/{id}", new { password = "Another-Passw0rd" }).GetAwaiter().GetResult().Code);
        };
        Assert.Equal("invalid_credentials", (await h.PasswordLogin("race@example.com").WaitAsync(TimeSpan.FromSeconds(30))).S("code"));
        Assert.Equal(200, (await h.PasswordLogin("race@example.com", "Another-Passw0rd")).Code);
    }
}
