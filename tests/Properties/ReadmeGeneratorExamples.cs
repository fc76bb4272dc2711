using System.Text.RegularExpressions;

namespace WorkOS.Functional.Properties;

// <readme:generators>
/// <summary>The app's code: which inputs of its sign-up form to mark, from the error Create returned.</summary>
public static class SignUpForm
{
    public static Seq<string> InputsToMark(Error error) =>
        error is InvalidRequest invalid ? invalid.Fields.Distinct() : Seq<string>();
}

public sealed class SignUpFormProperties
{
    [Property]
    public Property A_refused_sign_up_marks_exactly_the_input_to_fix() =>
        Prop.ForAll(WorkOSGen.CreateUser.Broken.ToArbitrary(), broken =>     // broken in one field: email, password, …
            broken.Result.Match(
                Right: _ => false,
                Left: error => SignUpForm.InputsToMark(error) == Seq1(broken.Field)));

    [Property(Arbitrary = new[] { typeof(WorkOSArbitraries) })]           // any request type as a parameter
    public bool A_password_reset_never_prints_its_new_password(ResetPasswordRequest request) =>
        !request.ToString().Contains(request.NewPassword.Reveal());
}
// </readme:generators>

/// <summary>
/// The README and the package's README show the example above verbatim (the same check as the integration tests'
/// README examples).
/// </summary>
public sealed class ReadmeGeneratorExampleTests
{
    [Fact]
    public void Both_READMEs_show_the_generator_example_verbatim()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "WorkOS.Functional.sln"))) root = root.Parent;
        Assert.NotNull(root);
        var source = File.ReadAllText(Path.Combine(root.FullName, "tests", "Properties", "ReadmeGeneratorExamples.cs"));
        var match = Regex.Match(source, @"// <readme:generators>\r?\n(?<code>.*?)\r?\n// </readme:generators>", RegexOptions.Singleline);
        Assert.True(match.Success);
        foreach (var readme in new[] { "README.md", Path.Combine("src", "FsCheck", "README.md") })
            Assert.Contains(match.Groups["code"].Value.Replace("\r\n", "\n"), File.ReadAllText(Path.Combine(root.FullName, readme)).Replace("\r\n", "\n"));
    }
}
