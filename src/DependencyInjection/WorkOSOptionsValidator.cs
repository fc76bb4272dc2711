using Microsoft.Extensions.Options;

namespace WorkOS.Functional.DependencyInjection;

/// <summary>
/// Checks every named <see cref="WorkOSOptions"/> with the client's own rules: the API key present and
/// well-formed, the base URL absolute https (http only on loopback). Messages name the setting and the
/// variable to set, never the key's value.
/// </summary>
internal sealed class WorkOSOptionsValidator(Func<string, WorkOSHttpOptions> http) : IValidateOptions<WorkOSOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkOSOptions options)
    {
        var who = string.IsNullOrEmpty(name) ? "WorkOS" : $"WorkOS client '{name}'";
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ApiKey))
            failures.Add($"{who}: the API key is missing: set {WorkOSOptions.SectionName}:ApiKey or WORKOS_API_KEY.");
        else
            Rules.ApiKey("api_key", options.ApiKey).IfFail(ps => failures.AddRange(ps.Map(p => $"{who}: the API key {p.Message}.")));
        if (!string.IsNullOrWhiteSpace(options.BaseUrl))
            Rules.BaseUrl("base_url", options.BaseUrl.TrimEnd('/'), http(name ?? Options.DefaultName).AllowInsecureHttp)
                .IfFail(ps => failures.AddRange(ps.Map(p => $"{who}: the base URL {p.Message} ({WorkOSOptions.SectionName}:BaseUrl or WORKOS_BASE_URL).")));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
