namespace Hub.Testing;

/// <summary>The checkout the tests run from: the nearest folder above the test output that holds <c>AgencyHub.sln</c>.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "AgencyHub.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("AgencyHub.sln not found above the test output folder.");
    });

    public static string Path => Root.Value;

    /// <summary>A path inside the checkout, from its parts.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
