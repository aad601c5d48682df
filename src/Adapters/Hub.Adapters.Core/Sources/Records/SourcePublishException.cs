namespace Hub.Adapters.Core.Sources.Records;

/// <summary>The broker did not confirm a publish (unreachable, refused, timed out). The message names no values.</summary>
public sealed class SourcePublishException : Exception
{
    public SourcePublishException()
    {
    }

    public SourcePublishException(string message)
        : base(message)
    {
    }

    public SourcePublishException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
