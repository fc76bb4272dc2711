namespace WorkOS.Functional.Benchmarks;

/// <summary>The <see cref="HttpResponseSpec"/> the live interpreter would make of canned bytes: the input of the pure decoders.</summary>
public static class Responses
{
    public static HttpResponseSpec Of(int status, byte[] body) =>
        new(status, status == 200 ? "OK" : "Forbidden",
            HashMap(("content-type", "application/json"), ("x-request-id", "req_01HBENCHREQUEST0000000000001")),
            new ReadOnlyMemory<byte>(body));
}
