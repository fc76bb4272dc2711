using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace WorkOS.Functional.Emulator.Internal;

/// <summary>
/// The users by ID, plus their IDs in ordinal order, kept in step on every insert and removal, so a page of the
/// directory is found by binary search instead of a pass over every user (<see cref="Api"/>'s paging).
/// </summary>
internal sealed class UserDirectory : IReadOnlyDictionary<string, User>
{
    private readonly Dictionary<string, User> byId = [];
    private readonly List<string> ordered = [];

    /// <summary>Every ID, ascending by ordinal comparison (the emulator's IDs grow with time, so inserts append).</summary>
    public IReadOnlyList<string> Ordered => ordered;

    /// <summary>The user with <paramref name="id"/>; setting adds or replaces it.</summary>
    public User this[string id]
    {
        get => byId[id];
        set
        {
            if (!byId.ContainsKey(id))
            {
                var at = Position(id);
                ordered.Insert(at < 0 ? ~at : at, id);
            }
            byId[id] = value;
        }
    }

    /// <summary>Removes the user with <paramref name="id"/>; false when there was none.</summary>
    public bool Remove(string id)
    {
        if (!byId.Remove(id)) return false;
        ordered.RemoveAt(Position(id));
        return true;
    }

    /// <summary>Where <paramref name="id"/> is in <see cref="Ordered"/>, or the complement of where it would go.</summary>
    public int Position(string id)
    {
        // Appends are the common case: check the end before searching.
        if (ordered.Count == 0 || string.CompareOrdinal(ordered[^1], id) < 0) return ~ordered.Count;
        return ordered.BinarySearch(id, StringComparer.Ordinal);
    }

    public int Count => byId.Count;
    public IEnumerable<string> Keys => byId.Keys;
    public IEnumerable<User> Values => byId.Values;
    public bool ContainsKey(string key) => byId.ContainsKey(key);
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out User value) => byId.TryGetValue(key, out value);
    public IEnumerator<KeyValuePair<string, User>> GetEnumerator() => byId.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
