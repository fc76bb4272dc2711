using static WorkOS.Functional.FsCheck.WorkOSValues;

namespace WorkOS.Functional.Properties;

/// <summary>
/// Test-only generators: response entities, error statuses, and field values paired with whether the rules should
/// accept them. The field values themselves (emails, path IDs, limits, secrets, with their edge cases weighted in)
/// and the request generators come from the WorkOS.Functional.FsCheck package (<see cref="WorkOSValues"/>,
/// <see cref="WorkOSGen"/>), which users get too. A failing property prints FsCheck's <c>Replay</c> seed: put it in
/// <c>[Property(Replay = "(seed,gamma)")]</c> to run the same cases again.
/// </summary>
public static partial class Gens
{
    /// <summary>Arbitrary HTTP status codes that are errors.</summary>
    public static Gen<int> ErrorStatus => Gen.OneOf(Gen.Choose(300, 599), Gen.Elements(400, 401, 403, 404, 409, 422, 429, 500, 502, 503));
}
