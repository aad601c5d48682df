namespace Hub.Adapters.Nhs.Benchmarks.DropFolder;

/// <summary>What the benchmark's NDJSON file is made of.</summary>
public enum DropFileMix
{
    /// <summary>The four valid single-resource samples (samples/nhs), one per mapped type, in turn: every row publishes.</summary>
    ValidSamples,

    /// <summary>
    /// Every resource of the NHS samples and the conformance corpus (tests/…/Nhs/Corpus), in turn: the four types in
    /// every status and form the corpus covers, with the rows it refuses (not actionable, modifiers, a Patient, a
    /// Bundle, a line that is not JSON) among them.
    /// </summary>
    SamplesAndCorpus,
}
