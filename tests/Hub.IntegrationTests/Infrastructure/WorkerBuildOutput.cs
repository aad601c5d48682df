namespace Hub.IntegrationTests.Infrastructure;

/// <summary>
/// A hub executable in its own project's build output (<c>src/.../bin/&lt;configuration&gt;/&lt;framework&gt;</c>), with its
/// own deps.json and runtimeconfig. Copies beside the tests resolve their dependencies through the test project's,
/// which is not how they run in production (and has stopped the router's copy from starting when the two named
/// different shared frameworks).
/// </summary>
public static class WorkerBuildOutput
{
    /// <param name="project">The project folder under the repository, e.g. <c>src/Hub.Router</c>.</param>
    /// <param name="assembly">The entry assembly's file name, e.g. <c>Hub.Router.dll</c>.</param>
    public static string Find(string project, string assembly)
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = tests.Name;
        var configuration = tests.Parent!.Name;
        var repository = tests.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(repository, project, "bin", configuration, framework, assembly);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{assembly} is missing from its project's build output: build the solution ({configuration}) before the integration tests.", path);
    }
}
