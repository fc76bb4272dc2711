namespace WorkOS.Functional;

/// <summary>
/// A validated list request that can be aimed at any page: the same filters with another
/// <c>after</c> cursor and page size. Every list operation's request implements it, which is all
/// auto-pagination needs.
/// </summary>
/// <typeparam name="TSelf">The request type itself.</typeparam>
public interface IListRequest<TSelf> where TSelf : IListRequest<TSelf>
{
    /// <summary>Cursor: the page starts after this ID (none: the first page).</summary>
    Option<string> After { get; }

    /// <summary>
    /// The same filters and order for the page after <paramref name="after"/> with
    /// <paramref name="limit"/> records (clamped to 1–100); <c>before</c> is dropped.
    /// </summary>
    /// <param name="after">The cursor, or none for the first page.</param>
    /// <param name="limit">The page size.</param>
    TSelf WithPage(Option<string> after, int limit);
}

/// <summary>A list answer: one page of records and the cursors around it.</summary>
/// <typeparam name="T">The record type.</typeparam>
public interface IListResponse<T>
{
    /// <summary>The records of this page.</summary>
    Seq<T> Data { get; }

    /// <summary>The cursors of the neighbouring pages.</summary>
    ListMetadata ListMetadata { get; }
}
