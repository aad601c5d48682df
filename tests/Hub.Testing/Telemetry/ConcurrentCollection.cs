using System.Collections;
using System.Collections.Concurrent;

namespace Hub.Testing.Telemetry;

/// <summary>The collection the in-memory exporter adds to from the exporting thread while a test reads it.</summary>
public sealed class ConcurrentCollection<T> : ICollection<T>
{
    private readonly ConcurrentQueue<T> _items = new();

    public int Count => _items.Count;

    /// <summary>A consistent copy while the exporter keeps adding (Count-then-CopyTo would race).</summary>
    public T[] Snapshot() => _items.ToArray();

    public bool IsReadOnly => false;

    public void Add(T item) => _items.Enqueue(item);

    public void Clear() => _items.Clear();

    public bool Contains(T item) => _items.Contains(item);

    public void CopyTo(T[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);

    public bool Remove(T item) => throw new NotSupportedException("exported items are never removed");

    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
