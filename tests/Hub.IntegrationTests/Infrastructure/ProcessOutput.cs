using System.Diagnostics;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>
/// What a child process wrote to stdout and stderr: the last lines for failure messages, and every line (up to a
/// bound) for a test that scans it. Draining both pipes also keeps a chatty worker from blocking on a full buffer.
/// The hub's workers log ids, types and counts, never values (Security/RealBrokerOutputScanTests checks).
/// </summary>
public sealed class ProcessOutput
{
    /// <summary>Far more than any test's processes print; a load test's beyond it are counted, not kept.</summary>
    private const int Kept = 200_000;
    private const int TailKept = 200;
    private readonly List<string> _lines = [];
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();
    private int _dropped;

    /// <summary>Starts reading both redirected pipes of <paramref name="process"/>, each line prefixed with <paramref name="label"/>.</summary>
    public void Attach(Process process, string label)
    {
        ArgumentNullException.ThrowIfNull(process);
        process.OutputDataReceived += (_, e) => Add(label, e.Data);
        process.ErrorDataReceived += (_, e) => Add(label + " stderr", e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The kept lines, oldest first.</summary>
    public string Tail(int lines = 60)
    {
        lock (_gate)
        {
            return string.Join('\n', _tail.Skip(Math.Max(0, _tail.Count - lines)));
        }
    }

    /// <summary>Every line so far, oldest first, each prefixed with its label (<c>[router]</c>, <c>[probation stderr]</c>).</summary>
    public IReadOnlyList<string> Lines()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }

    /// <summary>Lines not kept because 200,000 were already held: a scan of <see cref="Lines"/> is complete only when this is 0.</summary>
    public int Dropped
    {
        get
        {
            lock (_gate)
            {
                return _dropped;
            }
        }
    }

    private void Add(string label, string? line)
    {
        if (line is null)
        {
            return;
        }

        var labelled = $"[{label}] {line}";
        lock (_gate)
        {
            _tail.Enqueue(labelled);
            while (_tail.Count > TailKept)
            {
                _tail.Dequeue();
            }

            if (_lines.Count < Kept)
            {
                _lines.Add(labelled);
            }
            else
            {
                _dropped++;
            }
        }
    }
}
