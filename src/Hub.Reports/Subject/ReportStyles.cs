namespace Hub.Reports.Subject;

/// <summary>
/// The report's only styles, inline so the page is one self-contained file: GOV.UK-like type and colours on screen,
/// and for print (and the PDF) A4 margins, no link colours, and tables that do not split a row across pages.
/// </summary>
public static class ReportStyles
{
    public const string Css = """
        body{font-family:Arial,Helvetica,sans-serif;margin:2em auto;color:#0b0c0c;max-width:60em;line-height:1.4;padding:0 1em}
        h1{font-size:2em;margin-bottom:.3em}h2{margin-top:1.6em;border-bottom:2px solid #0b0c0c;padding-bottom:.2em}h3{margin-bottom:.3em}
        table{border-collapse:collapse;width:100%;margin-bottom:1.2em}
        th,td{border:1px solid #b1b4b6;padding:.4em;text-align:left;vertical-align:top;font-size:.92em}
        th{background:#f3f2f1;font-weight:bold}th[scope=row]{width:28%}
        .shared{color:#00703c;font-weight:bold}.not-shared{color:#d4351c;font-weight:bold}
        .notice{border-left:6px solid #1d70b8;padding:.6em 1em;background:#f3f2f1;margin:1em 0}
        .draft{border-left-color:#d4351c}
        .codes{color:#505a5f;font-size:.85em}
        footer{margin-top:2em;color:#505a5f;font-size:.85em}
        @page{size:A4;margin:18mm 15mm}
        @media print{body{margin:0;max-width:none;font-size:10.5pt}a{color:inherit;text-decoration:none}tr,.decision{break-inside:avoid}h2{break-after:avoid}.notice{background:none}}
        """;
}
