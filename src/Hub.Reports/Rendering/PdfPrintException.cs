namespace Hub.Reports.Rendering;

/// <summary>Chromium could not print the report; the message is one line with no content of the report.</summary>
public sealed class PdfPrintException : Exception
{
    public PdfPrintException()
    {
    }

    public PdfPrintException(string message)
        : base(message)
    {
    }

    public PdfPrintException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
