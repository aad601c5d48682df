namespace Hub.Adapters.Nhs.Benchmarks;

/// <summary>The repository's root folder. BenchmarkDotNet runs a generated copy below the build folder, so it is found by walking up.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AgencyHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AgencyHub.sln not found above the benchmark's folder.");
    }
}
