namespace Hub.Reports.Subject;

/// <summary>
/// Who answers for a subject report: the controller that sends it, how to reach its data protection officer, and
/// where to complain. From configuration (<see cref="FromEnvironment"/>); a report without one says it is a draft.
/// </summary>
public sealed record ReportIssuer
{
    public const string ControllerVariable = "AGENCYHUB_REPORT_CONTROLLER";
    public const string AddressVariable = "AGENCYHUB_REPORT_CONTROLLER_ADDRESS";
    public const string DpoVariable = "AGENCYHUB_REPORT_DPO_CONTACT";

    /// <summary>The organisation answering the request, e.g. "London Borough of Lewisham".</summary>
    public required string Controller { get; init; }

    public string? ControllerAddress { get; init; }

    /// <summary>How to reach the data protection officer: an email address, a postal address, a telephone number.</summary>
    public required string DpoContact { get; init; }

    /// <summary>The issuer the environment names, or null when the controller or the DPO contact is not set.</summary>
    public static ReportIssuer? FromEnvironment()
    {
        var controller = Environment.GetEnvironmentVariable(ControllerVariable);
        var dpo = Environment.GetEnvironmentVariable(DpoVariable);
        return string.IsNullOrWhiteSpace(controller) || string.IsNullOrWhiteSpace(dpo)
            ? null
            : new ReportIssuer { Controller = controller.Trim(), DpoContact = dpo.Trim(), ControllerAddress = Environment.GetEnvironmentVariable(AddressVariable)?.Trim() is { Length: > 0 } a ? a : null };
    }
}
