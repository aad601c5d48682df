namespace Hub.Adapters.Core.Sources.DropFolder.Reading;

/// <summary>
/// A file that cannot be split into rows at all (no header, a duplicated header name, a quote never closed, not
/// UTF-8, not JSON). The message says where (a line, or a byte offset) and never quotes the file's content.
/// </summary>
public sealed class DropFileFormatException : Exception
{
    public DropFileFormatException()
    {
    }

    public DropFileFormatException(string message)
        : base(message)
    {
    }

    public DropFileFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
