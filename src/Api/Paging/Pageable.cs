using System.Runtime.CompilerServices;

namespace WorkOS.Functional;

/// <summary>
/// Every record of a list operation, fetched page by page on demand: enumerate it with
/// <c>await foreach</c> (one request per page, only when the previous page is used up), walk it page by
/// page with <see cref="AsPages"/> to checkpoint a cursor, or fold it inside an <c>Aff</c> pipeline with
/// <see cref="Fold{S}"/>. Only one page is held at a time. Nothing is sent until it is enumerated or run,
/// and each enumeration starts again.
/// </summary>
/// <remarks>
/// Paging goes forward by <c>after</c>; it stops when the server gives no next cursor, an empty page, or
/// the cursor it was just given (so a misbehaving server cannot loop it). The <c>await foreach</c> forms throw
/// <see cref="WorkOSException"/> with the typed error, or <see cref="OperationCanceledException"/> when
/// the caller's token is cancelled; the <c>Aff</c> forms fail with the typed error instead.
/// </remarks>
/// <typeparam name="T">The record type.</typeparam>
public sealed class Pageable<T> : IAsyncEnumerable<T>
{
    /// <summary>The page size used when none is given: 100, the API's maximum.</summary>
    public const int DefaultPageSize = 100;

    private readonly Func<Option<string>, int, CancellationToken, Aff<Page<T>>> fetch;
    private readonly Option<string> start;
    private readonly Either<Error, int> pageSize;

    private Pageable(Func<Option<string>, int, CancellationToken, Aff<Page<T>>> fetch, Option<string> start, Either<Error, int> pageSize) =>
        (this.fetch, this.start, this.pageSize) = (fetch, start, pageSize);

    /// <summary>
    /// The pager of any list operation: <paramref name="request"/> gives the filters and the first cursor,
    /// <paramref name="list"/> fetches one page. This is the one line a new list operation needs.
    /// </summary>
    /// <typeparam name="TRequest">The list request.</typeparam>
    /// <typeparam name="TResponse">The list answer.</typeparam>
    /// <param name="request">The validated request; its <c>after</c>, if set, is where paging starts.</param>
    /// <param name="list">The one-page operation, e.g. <c>client.ListUsers</c>.</param>
    /// <param name="pageSize">Records per request, 1–100 (default 100); outside that, enumerating fails with an <see cref="InvalidRequest"/> naming <c>page_size</c> and sends nothing.</param>
    public static Pageable<T> Over<TRequest, TResponse>(TRequest request, Func<TRequest, CancellationToken, Aff<TResponse>> list, int? pageSize = null)
        where TRequest : IListRequest<TRequest>
        where TResponse : IListResponse<T> =>
        new((after, size, ct) => list(request.WithPage(after, size), ct).Map(static r => new Page<T>(r.Data, r.ListMetadata.After)),
            request.After, ValidPageSize(pageSize));

    /// <summary>
    /// The pages from <paramref name="continuationToken"/> (a saved <see cref="Page{T}.ContinuationToken"/>;
    /// none: where the request starts), each fetched when the enumeration asks for it.
    /// </summary>
    /// <param name="continuationToken">The cursor to resume after.</param>
    /// <param name="pageSize">Records per request, 1–100; none keeps this pager's size.</param>
    public IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSize = null) =>
        Pages(continuationToken is null ? start : Some(continuationToken), pageSize is null ? this.pageSize : ValidPageSize(pageSize));

    /// <summary>Enumerates every record, fetching the next page only when this one is used up.</summary>
    /// <param name="cancellationToken">Cancels between and during page requests (use <c>WithCancellation</c>).</param>
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in Pages(start, pageSize).WithCancellation(cancellationToken).ConfigureAwait(false))
            foreach (var item in page.Items)
                yield return item;
    }

    /// <summary>One page as an effect: the first one, or the one after <paramref name="continuationToken"/>.</summary>
    /// <param name="continuationToken">The cursor, or null for where the request starts.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<Page<T>> GetPage(string? continuationToken = null, CancellationToken ct = default) =>
        from size in pageSize.ToAff()
        from page in fetch(continuationToken is null ? start : Some(continuationToken), size, ct)
        select page;

    /// <summary>
    /// Folds every record, page by page, into one value: the pipeline form. The effect fails with the first
    /// page's error, if any; only the running state and one page are held.
    /// </summary>
    /// <typeparam name="S">The state.</typeparam>
    /// <param name="state">The initial state.</param>
    /// <param name="folder">Adds one record to the state.</param>
    /// <param name="ct">Cancels the HTTP exchanges.</param>
    public Aff<S> Fold<S>(S state, Func<S, T, S> folder, CancellationToken ct = default) =>
        from size in pageSize.ToAff()
        from result in FoldFrom(start, size, state, folder, ct)
        select result;

    private Aff<S> FoldFrom<S>(Option<string> cursor, int size, S state, Func<S, T, S> folder, CancellationToken ct) =>
        from page in fetch(cursor, size, ct)
        let next = page.Items.Fold(state, folder)
        from result in NextCursor(cursor, page).Match(
            Some: c => FoldFrom(Some(c), size, next, folder, ct),
            None: () => SuccessAff(next))
        select result;

    private async IAsyncEnumerable<Page<T>> Pages(Option<string> cursor, Either<Error, int> size, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var pageSize = size.IfLeft(static e => throw new WorkOSException(e));
        var more = true;
        while (more)
        {
            ct.ThrowIfCancellationRequested();
            var fin = await fetch(cursor, pageSize, ct).Run().ConfigureAwait(false);
            var page = fin.IfFail(e => ct.IsCancellationRequested
                ? throw new OperationCanceledException(e.Message, ct)
                : throw new WorkOSException(e));
            yield return page;
            var next = NextCursor(cursor, page);
            more = next.IsSome;
            cursor = next;
        }
    }

    /// <summary>The next cursor, unless the page is the last, empty, or repeats the cursor it was asked with.</summary>
    private static Option<string> NextCursor(Option<string> asked, Page<T> page) =>
        page.Items.IsEmpty ? None : page.ContinuationToken.Filter(c => c.Length > 0 && asked != Some(c));

    private static Either<Error, int> ValidPageSize(int? size) =>
        size switch
        {
            null => DefaultPageSize,
            >= Rules.MinLimit and <= Rules.MaxLimit => size.Value,
            _ => new InvalidRequest(Seq1(new FieldProblem("page_size", $"must be between {Rules.MinLimit} and {Rules.MaxLimit}"))),
        };
}
