namespace Hub.WebConsole.Pages.Agreements;

/// <summary>The what-if form: a case in YAML, and optionally the instant to decide at instead of the case's own.</summary>
public sealed class WhatIfInput
{
    public string? CaseText { get; set; }

    public string? At { get; set; }
}
