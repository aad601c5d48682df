namespace Hub.Simulation.Population;

/// <summary>Name and street parts that cannot be mistaken for real people or places.</summary>
internal static class FictionalNames
{
    public static readonly string[] GivenNames =
    [
        "Alex", "Amara", "Bea", "Chidi", "Dev", "Elif", "Femi", "Grace", "Hiro", "Ines", "Jamal", "Kasia", "Leon", "Mei",
        "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tomasz", "Uma", "Vik", "Wren", "Yusuf", "Zara",
    ];

    public static readonly string[] FamilyNames =
    [
        "Placeholder", "Fictionson", "Sampleton", "Madeupson", "Notreal", "Exampleby", "Testwood", "Dummyfield",
        "Invento", "Pretendley", "Mockridge", "Fauxbridge", "Synthwell", "Imaginary", "Specimen", "Fabrique",
    ];

    public static readonly string[] Streets =
    [
        "Fictional Road", "Example Row", "Sample Close", "Imaginary Lane", "Pretend Street", "Madeup Mews",
        "Placeholder Avenue", "Synthetic Grove", "Notional Walk", "Invented Terrace",
    ];
}
