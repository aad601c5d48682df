namespace Hub.Adapters.Agencies.Tests.Support;

/// <summary>Files under the repository root, found from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string Sample(string agency, string file) => Path.Combine(Root, "samples", agency, file);

    public static string File(params string[] parts) => RepositoryRoot.Combine(parts);
}
