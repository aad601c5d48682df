using System.CommandLine;

namespace Hub.Cli.Commands;

/// <summary>
/// A value that need not appear on the command line, where <c>ps</c>, shell history and audit logs of commands would
/// keep it (a person's identifier, a connection string with its password): <c>--NAME VALUE</c>, or
/// <c>--NAME-file PATH</c> (the file's text, trimmed), or the environment variable. The file is checked by its length
/// before it is read.
/// </summary>
internal sealed class SensitiveOption
{
    /// <summary>A file longer than this is refused unread: it cannot be one identifier or connection string.</summary>
    public const int MaxFileBytes = 64 * 1024;

    public SensitiveOption(string name, string description, string variable)
    {
        Variable = variable;
        Inline = new Option<string?>("--" + name) { Description = $"{description} (or --{name}-file, or ${variable})" };
        File = new Option<FileInfo?>($"--{name}-file") { Description = $"File holding {char.ToLowerInvariant(description[0])}{description[1..]}, so it stays off the command line" };
    }

    public Option<string?> Inline { get; }

    public Option<FileInfo?> File { get; }

    /// <summary>The environment variable read when neither option is given.</summary>
    public string Variable { get; }

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Inline);
        command.Options.Add(File);
    }

    /// <summary>Whether either option is on the command line (the environment variable aside).</summary>
    public bool IsGiven(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.GetValue(Inline) is not null || result.GetValue(File) is not null;
    }

    /// <returns>
    /// The value from the option, the file, or (when <paramref name="orVariable"/>) the environment variable; null when
    /// none is given, or with <paramref name="error"/> when both options are, or the file cannot be used. The error
    /// names the option, the file and its size, never the value.
    /// </returns>
    public string? Resolve(ParseResult result, out string? error, bool orVariable = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        error = null;
        var inline = result.GetValue(Inline);
        var file = result.GetValue(File);
        if (inline is not null && file is not null)
        {
            error = $"Give {Inline.Name} or {File.Name}, not both.";
            return null;
        }

        if (file is not null)
        {
            return Read(file, out error);
        }

        return inline ?? (orVariable && Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null);
    }

    private string? Read(FileInfo file, out string? error)
    {
        error = null;
        if (!file.Exists)
        {
            error = $"{File.Name}: no file {file.FullName}.";
            return null;
        }

        if (file.Length > MaxFileBytes)
        {
            error = $"{File.Name}: {file.FullName} is {file.Length} bytes; at most {MaxFileBytes} are read.";
            return null;
        }

        var text = System.IO.File.ReadAllText(file.FullName).Trim();
        if (text.Length == 0)
        {
            error = $"{File.Name}: {file.FullName} is empty.";
            return null;
        }

        return text;
    }
}
