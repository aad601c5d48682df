namespace Hub.Sharing.Tests.Schema;

/// <summary>Where the schema and the sample agreements are, from the test output folder.</summary>
internal static class SchemaFiles
{
    /// <summary>The samples the test project copies to its output folder.</summary>
    public static string Samples { get; } = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");

    /// <summary>schemas/agreement.schema.json: copied to the output folder if the project does so, else read from the repository.</summary>
    public static string Schema { get; } = FindSchema("agreement.schema.json");

    /// <summary>schemas/participants.schema.json, found the same way.</summary>
    public static string ParticipantsSchema { get; } = FindSchema("participants.schema.json");

    private static string FindSchema(string name)
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "schemas", name);
        if (File.Exists(copied))
        {
            return copied;
        }

        return RepositoryRoot.Combine("schemas", name);
    }
}
