namespace WorkOS.Functional.Sessions;

/// <summary>
/// The cookie passwords, by ID, for sealing and unsealing sessions. The first one seals; all of them unseal,
/// so a password can be rotated: put the new one first, keep the old one until old cookies have expired.
/// Each password has at least 32 characters (iron's minimum); IDs are word characters (<c>[A-Za-z0-9_]+</c>).
/// WorkOS's Node SDK seals with the ID <c>1</c>, which <see cref="Create(string?)"/> uses. Passwords never print.
/// </summary>
public sealed record SealPasswords
{
    /// <summary>The shortest password accepted, in characters (iron's <c>minPasswordlength</c>).</summary>
    public const int MinimumLength = 32;

    /// <summary>The password ID WorkOS's Node SDK seals with and looks up.</summary>
    public const string NodeSdkId = "1";

    private SealPasswords(Seq<(string Id, Secret Password)> passwords) => Passwords = passwords;

    /// <summary>The passwords, the sealing one first.</summary>
    internal Seq<(string Id, Secret Password)> Passwords { get; }

    /// <summary>The ID of the password that seals.</summary>
    public string CurrentId => Passwords.Head.Id;

    /// <summary>The IDs of every password that unseals.</summary>
    public Seq<string> Ids => Passwords.Map(static p => p.Id);

    /// <summary>One password under the Node SDK's ID <c>1</c>: cookies are then readable and writable by both.</summary>
    /// <param name="password">The cookie password, at least 32 characters.</param>
    /// <returns>The passwords, or an <see cref="InvalidRequest"/> on <c>cookie_password</c>.</returns>
    public static Either<Error, SealPasswords> Create(string? password) => Create((NodeSdkId, password));

    /// <summary>Several passwords by ID; the first seals.</summary>
    /// <param name="passwords">ID and password pairs; IDs distinct.</param>
    /// <returns>The passwords, or one <see cref="InvalidRequest"/> naming every problem.</returns>
    public static Either<Error, SealPasswords> Create(params (string? Id, string? Password)[] passwords) =>
        (Rules.Check(passwords.Length > 0, "cookie_password", "at least one password is required"),
         Rules.Check(passwords.All(static p => p.Id is not null && IsWord(p.Id)), "cookie_password_id", "must be word characters ([A-Za-z0-9_]+)"),
         Rules.Check(passwords.Select(static p => p.Id).Distinct().Count() == passwords.Length, "cookie_password_id", "must be distinct"),
         Rules.Check(passwords.All(static p => (p.Password?.Length ?? 0) >= MinimumLength), "cookie_password", $"must have at least {MinimumLength} characters"))
            .Apply((_, _, _, _) => new SealPasswords(toSeq(passwords.Select(static p => (p.Id!, Secret.Of(p.Password)))).Strict()))
            .ToRequest();

    /// <summary>The password for an ID read from a seal: iron reads an empty ID as <c>default</c>.</summary>
    internal Option<Secret> Find(string id) =>
        Passwords.Find(p => p.Id == (id.Length == 0 ? "default" : id)).Map(static p => p.Password);

    private static bool IsWord(string id) => id.Length > 0 && id.All(static c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>Shows the IDs only.</summary>
    public override string ToString() => $"SealPasswords {{ Ids = [{string.Join(", ", Ids)}] }}";
}
