namespace Hub.LoadHarness.Processes;

/// <summary>The repository the harness was built from, and its projects' own build outputs.</summary>
public static class Repository
{
    public static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AgencyHub.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("AgencyHub.sln not found above the harness's build output: run it from the repository (scripts/load.sh).");
    }

    /// <summary>
    /// An executable in its project's build output of the harness's own configuration and framework, e.g.
    /// <c>src/Hub.Router/bin/Release/net10.0/Hub.Router.dll</c> when the harness runs from <c>bin/Release/net10.0</c>.
    /// </summary>
    public static string Output(string repository, string project, string assembly)
    {
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(repository, project, "bin", own.Parent!.Name, own.Name, assembly);
    }
}
