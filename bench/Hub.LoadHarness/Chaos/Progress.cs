namespace Hub.LoadHarness.Chaos;

/// <summary>The chaos suite's progress lines, on standard error like the load run's.</summary>
public static class Progress
{
    public static void Write(string message) => Console.Error.WriteLine($"[chaos] {TimeProvider.System.GetUtcNow():HH:mm:ss} {message}");
}
