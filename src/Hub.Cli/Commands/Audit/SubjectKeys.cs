using Hub.Router.Configuration;

namespace Hub.Cli.Commands.Audit;

/// <summary>
/// The ledger's pseudonym keys for <c>hub audit</c>: each <c>--subject-key-file</c> (one per key the ledger was written
/// under, after a rotation), else configuration (<c>Ledger__SubjectKey</c>), else the key the embedded run keeps
/// beside its SQLite ledger. Never printed: only their ids (<see cref="Hub.Router.Ledger.SubjectKeyIds"/>) are.
/// </summary>
internal static class SubjectKeys
{
    public const string Variable = "Ledger__SubjectKey";

    /// <summary>The keys, or null after saying on stderr why there are none.</summary>
    public static IReadOnlyList<string>? Resolve(IReadOnlyList<FileInfo> keyFiles, string? sqlitePath)
    {
        ArgumentNullException.ThrowIfNull(keyFiles);
        var keys = new List<string?>();
        foreach (var keyFile in keyFiles)
        {
            if (!keyFile.Exists)
            {
                Console.Error.WriteLine($"Subject key file {keyFile.FullName} does not exist.");
                return null;
            }

            keys.Add(File.ReadAllText(keyFile.FullName).Trim());
        }

        if (keys.Count == 0)
        {
            var key = Environment.GetEnvironmentVariable(Variable);
            if (key is null && sqlitePath is not null)
            {
                var beside = Path.Combine(Path.GetDirectoryName(sqlitePath)!, "subject.key");
                key = File.Exists(beside) ? File.ReadAllText(beside).Trim() : null;
            }

            keys.Add(key);
        }

        foreach (var key in keys)
        {
            var validation = new LedgerOptionsValidator().Validate(null, new LedgerOptions { SubjectKey = key });
            if (validation.Failed)
            {
                Console.Error.WriteLine($"Cannot find the subject's ledger rows without the ledger's subject key: {validation.FailureMessage} Pass --subject-key-file FILE or set {Variable}.");
                return null;
            }
        }

        return [.. keys.Select(k => k!)];
    }
}
