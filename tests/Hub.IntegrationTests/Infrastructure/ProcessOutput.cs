using System.Diagnostics;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>
/// The last lines a child process wrote to stdout and stderr, kept for failure messages. Draining both pipes also
/// keeps a chatty worker from blocking on a full buffer. The hub's workers log ids, types and counts, never values.
/// </summary>
public sealed class ProcessOutput
{
    private const int Kept = 200;
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

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
            return string.Join('\n', _lines.Skip(Math.Max(0, _lines.Count - lines)));
        }
    }

    private void Add(string label, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Enqueue($"[{label}] {line}");
            while (_lines.Count > Kept)
            {
                _lines.Dequeue();
            }
        }
    }
}
