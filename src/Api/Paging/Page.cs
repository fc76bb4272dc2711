namespace WorkOS.Functional;

/// <summary>One page fetched by a <see cref="Pageable{T}"/>.</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <param name="Items">The records of this page, in the server's order.</param>
/// <param name="ContinuationToken">
/// The cursor of the next page (the page's <c>list_metadata.after</c>), or none on the last page. Save it to
/// resume later with <see cref="Pageable{T}.AsPages"/>.
/// </param>
public sealed record Page<T>(Seq<T> Items, Option<string> ContinuationToken);
