namespace Hub.LedgerBench;

/// <summary>Entry point (a class in this namespace, not top-level statements: hub's own Program is visible here).</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => BenchCommand.Create().Parse(args).InvokeAsync();
}
