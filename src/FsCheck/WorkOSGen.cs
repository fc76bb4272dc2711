using V = WorkOS.Functional.FsCheck.WorkOSValues;

namespace WorkOS.Functional.FsCheck;

/// <summary>
/// Generators for every request type of WorkOS.Functional, one <see cref="RequestGen{T}"/> per operation under its
/// Go name: <c>WorkOSGen.CreateUser.Valid</c> gives valid <see cref="CreateUserRequest"/>s (built only through
/// <see cref="CreateUserRequest.Create"/>, optional fields present and absent, values at their edges), and
/// <c>WorkOSGen.CreateUser.Broken</c> inputs broken in exactly one named field, with what <c>Create</c> returned.
/// <see cref="All"/> lists them all; <see cref="WorkOSArbitraries"/> registers the valid ones with FsCheck.
/// </summary>
public static partial class WorkOSGen
{
    private static readonly Lazy<IReadOnlyList<IRequestGen>> all = new(static () =>
        typeof(WorkOSGen).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(static p => typeof(IRequestGen).IsAssignableFrom(p.PropertyType))
            .Select(static p => (IRequestGen)p.GetValue(null)!)
            .OrderBy(static g => g.Operation, StringComparer.Ordinal)
            .ToArray());

    /// <summary>The generators of every request type, ordered by operation.</summary>
    public static IReadOnlyList<IRequestGen> All => all.Value;

    /// <summary>A request with one path ID (<paramref name="field"/>), broken as blank or a dot segment.</summary>
    private static RequestGen<T> ById<T>(string operation, string field, Func<string?, Either<Error, T>> create) =>
        new Spec<string?, T>(operation, V.PathId.Select(static s => (string?)s), create)
            .Break(field, Bads.PathSegment, static (_, v) => v)
            .Build();

    /// <summary>
    /// A list under one path ID (<c>GET …/{id}/…</c>): any path-safe ID, limits at their edges, either order, cursors;
    /// broken in <paramref name="field"/> (the ID), <c>limit</c> or <c>order</c>.
    /// </summary>
    private static RequestGen<T> ListByPathId<T>(string operation, string field, Func<string?, int?, Order?, string?, string?, Either<Error, T>> create) =>
        new Spec<(string? Id, int? Limit, Order? Order, string? Before, string? After), T>(operation,
            from id in V.PathId
            from limit in V.ValidLimit
            from order in V.ValidOrder
            from before in V.MaybeText
            from after in V.MaybeText
            select ((string?)id, limit, order, before, after),
            a => create(a.Id, a.Limit, a.Order, a.Before, a.After))
        .Break(field, Bads.PathSegment, static (a, v) => a with { Id = v })
        .Break("limit", Bads.Limit, static (a, v) => a with { Limit = v })
        .Break("order", Bads.Order, static (a, v) => a with { Order = v })
        .Build();

    /// <summary>The credential arguments of create and update user: none, a plain password, or a hash with its type.</summary>
    private static Gen<(string? Password, string? Hash, PasswordHashType? Type)> Credential =>
        Gen.OneOf(
            Gen.Elements<(string?, string?, PasswordHashType?)>((null, null, null), ("", "", null), (null, null, new PasswordHashType(""))),
            V.SecretValue.Select(static p => ((string?)p, (string?)null, (PasswordHashType?)null)),
            from hash in V.SecretValue
            from type in Gen.Elements(PasswordHashType.Bcrypt, PasswordHashType.FirebaseScrypt, PasswordHashType.Ssha, PasswordHashType.Scrypt,
                PasswordHashType.Pbkdf2, PasswordHashType.Argon2, new PasswordHashType("md5"))
            select ((string?)null, (string?)hash, (PasswordHashType?)type));

    /// <summary>The three ways to break the password XOR hash rule, each reported on one field.</summary>
    private static Gen<Bad<(string? Password, string? Hash, PasswordHashType? Type)>> BadCredential(string field) => field switch
    {
        "password" =>
            from password in V.SecretValue
            from hash in V.MaybeSecret
            from type in Gen.Elements<PasswordHashType?>(null, PasswordHashType.Bcrypt)
            where !string.IsNullOrEmpty(hash) || type is not null
            select new Bad<(string?, string?, PasswordHashType?)>((password, hash, type), "combined with password_hash or password_hash_type"),
        "password_hash_type" =>
            from hash in V.SecretValue
            from type in Gen.Elements<PasswordHashType?>(null, new PasswordHashType(""))
            select new Bad<(string?, string?, PasswordHashType?)>((null, hash, type), "missing while password_hash is set"),
        _ =>
            from hash in Gen.Elements<string?>(null, "")
            select new Bad<(string?, string?, PasswordHashType?)>((null, hash, PasswordHashType.Bcrypt), "missing while password_hash_type is set"),
    };

    /// <summary>Metadata: none, or a few distinct keys with any values.</summary>
    private static Gen<KeyValuePair<string, string>[]> Metadata =>
        from keys in Gen.ArrayOf(V.Token(1, 12), 3)
        from count in Gen.Choose(0, 3)
        from values in Gen.ArrayOf(V.AnyText, 3)
        select keys.Distinct().Take(count).Select((k, i) => new KeyValuePair<string, string>(k, values[i])).ToArray();
}
