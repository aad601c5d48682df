using Hub.Sharing.Agreements;
using Hub.Sharing.Cases;

namespace Hub.Cli.Commands.Rules;

/// <summary>Reads case files from a file or a folder of <c>*.yaml</c>, reporting problems on standard error.</summary>
internal static class CaseFiles
{
    public static (List<ShareCase> Cases, int Errors) Read(FileSystemInfo location)
    {
        var files = location is DirectoryInfo directory
            ? directory.GetFiles("*.yaml").Concat(directory.GetFiles("*.yml")).OrderBy(f => f.Name, StringComparer.Ordinal).ToArray()
            : [(FileInfo)location];
        var cases = new List<ShareCase>();
        var errors = 0;
        foreach (var file in files)
        {
            if (!file.Exists)
            {
                Console.Error.WriteLine($"{file.FullName}: no such file");
                errors++;
                continue;
            }

            var (read, diagnostics) = CaseFile.Read(file.Name, File.ReadAllText(file.FullName));
            foreach (var diagnostic in diagnostics)
            {
                Console.Error.WriteLine(diagnostic);
            }

            errors += diagnostics.Count(d => d.IsError);
            cases.AddRange(read);
        }

        return (cases, errors);
    }

    public static FileSystemInfo Locate(string path) => Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);

    public static AgreementSet? LoadAgreements(string directory, DateOnly today)
    {
        var lint = AgreementLoader.Lint(AgreementLoader.ReadDirectory(directory), today);
        foreach (var diagnostic in lint.Diagnostics.Where(d => d.IsError))
        {
            Console.Error.WriteLine(diagnostic);
        }

        // Cases and explanations are judged against every agreement in the folder: one refused file means not run,
        // even though the router would run without it (lint says which).
        return lint.HasErrors ? null : lint.Set;
    }
}
