using Hub.Router.Configuration;

namespace Hub.Cli.Commands.Audit;

/// <summary>
/// The ledger's pseudonym key for <c>hub audit</c>: <c>--subject-key-file</c>, else configuration
/// (<c>Ledger__SubjectKey</c>), else the key the embedded run keeps beside its SQLite ledger. Never printed.
/// </summary>
internal static class SubjectKeys
{
    public const string Variable = "Ledger__SubjectKey";

    /// <summary>The key, or null after saying on stderr why there is none.</summary>
    public static string? Resolve(FileInfo? keyFile, string? sqlitePath)
    {
        string? key = null;
        if (keyFile is not null)
        {
            if (!keyFile.Exists)
            {
                Console.Error.WriteLine($"Subject key file {keyFile.FullName} does not exist.");
                return null;
            }

            key = File.ReadAllText(keyFile.FullName).Trim();
        }

        key ??= Environment.GetEnvironmentVariable(Variable);
        if (key is null && sqlitePath is not null)
        {
            var beside = Path.Combine(Path.GetDirectoryName(sqlitePath)!, "subject.key");
            key = File.Exists(beside) ? File.ReadAllText(beside).Trim() : null;
        }

        var validation = new LedgerOptionsValidator().Validate(null, new LedgerOptions { SubjectKey = key });
        if (validation.Failed)
        {
            Console.Error.WriteLine($"Cannot find the subject's ledger rows without the ledger's subject key: {validation.FailureMessage} Pass --subject-key-file FILE or set {Variable}.");
            return null;
        }

        return key;
    }
}
