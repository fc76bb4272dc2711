using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace WorkOS.Functional;

public sealed partial class WorkOSClient
{
    // Set only on a fresh copy in WithLogger: the client stays an immutable value.
    private ILogger logger = NullLogger.Instance;

    /// <summary>
    /// This client logging its operations to <paramref name="logger"/>: each request (debug), its answer
    /// (information) or failure (warning), with operation, method, masked path, status, request id and duration;
    /// never a key, token, code, query or body. <c>AddWorkOS</c> does this with the host's logger factory.
    /// </summary>
    /// <param name="logger">The logger.</param>
    public WorkOSClient WithLogger(ILogger logger)
    {
        var copy = (WorkOSClient)MemberwiseClone();
        copy.logger = logger;
        return copy;
    }

    private Aff<A> Call<A>(HttpRequestSpec request, Func<HttpResponseSpec, Either<Error, A>> decode, CancellationToken ct,
        [CallerMemberName] string operation = "") =>
        WorkOSTelemetry.Operation(http, BaseUrl, logger, operation, request, decode, ct);
}
