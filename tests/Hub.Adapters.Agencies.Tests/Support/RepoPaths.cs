namespace Hub.Adapters.Agencies.Tests.Support;

/// <summary>Files under the repository root, found from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Sample(string agency, string file) => Path.Combine(Root, "samples", agency, file);

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "AgencyHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AgencyHub.sln not found above the test output folder.");
    }
}
