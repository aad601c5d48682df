using System.Globalization;
using Hub.Adapters.Core.Sources.DropFolder;

namespace Hub.Adapters.Nhs.Benchmarks.DropFolder;

/// <summary>What became of the file's rows in the setup run, printed to the benchmark's log: the mix the figure is for.</summary>
internal static class MixOutcome
{
    public static void Print(DropFileMix mix, DropFileReport report) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {mix}: {report.Rows} rows, {report.Published} published, {report.Quarantined.Count} quarantined"));
}
