namespace WorkOS.Functional.FsCheck;

/// <summary>The bad values of each field rule, with the reason a <see cref="BrokenRequest{T}"/> prints.</summary>
internal static class Bads
{
    private static Gen<Bad<string?>> Why(Gen<string> values, string reason) => values.Select(v => new Bad<string?>(v, reason));

    public static Gen<Bad<string?>> Blank => WorkOSValues.Blank.Select(static v => new Bad<string?>(v, "blank"));

    public static Gen<Bad<string?>> WhiteSpace => Why(WorkOSValues.WhiteSpace, "white space only");

    public static Gen<Bad<string?>> PathSegment => Gen.OneOf(Blank, Why(WorkOSValues.DotSegment, "a dot segment"));

    public static Gen<Bad<string?>> Email => Gen.OneOf(Blank, Why(WorkOSValues.BadEmail, "not an email address"));

    public static Gen<Bad<string?>> OptionalEmail => Gen.OneOf(WhiteSpace, Why(WorkOSValues.BadEmail, "not an email address"));

    public static Gen<Bad<string?>> Url => Gen.OneOf(Blank, Why(WorkOSValues.BadHttpUrl, "not an absolute http(s) URL"));

    public static Gen<Bad<string?>> OptionalUrl => Gen.OneOf(WhiteSpace, Why(WorkOSValues.BadHttpUrl, "not an absolute http(s) URL"));

    public static Gen<Bad<string?>> Phone => Gen.OneOf(Blank, Why(WorkOSValues.BadPhoneNumber, "not an E.164 phone number"));

    public static Gen<Bad<Secret?>> BlankSecret =>
        Gen.Elements<Secret?>(null, Secret.Of(""), Secret.Of(" "), Secret.Of("\t\n")).Select(static s => new Bad<Secret?>(s, "blank"));

    public static Gen<Bad<int?>> Limit =>
        WorkOSValues.Outside(Rules.MinLimit, Rules.MaxLimit).Select(static n => new Bad<int?>(n, $"outside {Rules.MinLimit}–{Rules.MaxLimit}"));

    public static Gen<Bad<Order?>> Order => WorkOSValues.BadOrder.Select(static o => new Bad<Order?>(o, "neither asc nor desc"));
}
