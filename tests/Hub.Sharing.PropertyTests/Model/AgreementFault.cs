using System.Text.RegularExpressions;

namespace Hub.Sharing.PropertyTests.Model;

/// <summary>Ways an agreement file goes wrong, from a slip of the keyboard to a file built to exhaust the parser.</summary>
public enum AgreementFault
{
    UnknownKey,
    UnknownPurpose,
    BrokenYaml,
    DeepNesting,
    AliasFanOut,
    BillionLaughs,
}

public static partial class AgreementFaults
{
    /// <summary>The agreement's YAML with the fault written into it; every fault is an error the loader must refuse.</summary>
    public static string Apply(this AgreementFault fault, string yaml) => fault switch
    {
        AgreementFault.UnknownKey => yaml + "colour: blue\n",
        AgreementFault.UnknownPurpose => FirstPurpose().Replace(yaml, "    purpose: not-a-purpose", 1),
        AgreementFault.BrokenYaml => yaml + "notes: [unclosed\n",
        AgreementFault.DeepNesting => HostileYaml.DeepList(yaml, "notes", 500),
        AgreementFault.AliasFanOut => HostileYaml.AliasFanOut(yaml, "notes", 1500),
        _ => HostileYaml.BillionLaughs(yaml, "notes"),
    };

    [GeneratedRegex("^    purpose: .*$", RegexOptions.Multiline)]
    private static partial Regex FirstPurpose();
}
