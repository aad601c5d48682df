namespace Hub.Sharing.Tests.Schema;

/// <summary>Where the schema and the sample agreements are, from the test output folder.</summary>
internal static class SchemaFiles
{
    /// <summary>The samples the test project copies to its output folder.</summary>
    public static string Samples { get; } = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");

    /// <summary>schemas/agreement.schema.json: copied to the output folder if the project does so, else read from the repository.</summary>
    public static string Schema { get; } = FindSchema();

    private static string FindSchema()
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "schemas", "agreement.schema.json");
        if (File.Exists(copied))
        {
            return copied;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AgencyHub.sln")))
            {
                return Path.Combine(folder.FullName, "schemas", "agreement.schema.json");
            }
        }

        throw new FileNotFoundException($"schemas/agreement.schema.json is neither in {AppContext.BaseDirectory} nor in a folder above it holding AgencyHub.sln");
    }
}
