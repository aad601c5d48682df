using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Hub.Adapters.Nhs.Discharges;
using Hub.Adapters.Nhs.Fhir;
using Hub.Adapters.Nhs.Fhir.Validation;
using Hub.Adapters.Nhs.Performance;
using Hub.Adapters.Nhs.Referrals;
using Hub.Adapters.Nhs.Sources;
using Hub.Adapters.Nhs.TreatmentContinuity;
using Hl7.Fhir.Model;

namespace Hub.Adapters.Nhs.Benchmarks;

/// <summary>
/// What one inbound resource costs the drop folder's reading loop, which maps its rows one after another
/// (<c>DropFilePublisher</c>): parse only, parse + base R4 validation, and the whole path (parse, validate, map) as
/// <see cref="NhsResourceMapper"/> runs it for a mixed NDJSON file. Resources/s = 1 / Mean.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class InboundResourceBenchmarks
{
    private readonly NhsResourceMapper _mapper = new(new EncounterDischargeMapper(), new MedicationRequestContinuityMapper(), new ServiceRequestReferralMapper(), new MeasureReportIndicatorsMapper());
    private JsonElement _resource;

    [ParamsSource(nameof(Samples))]
    public string Sample { get; set; } = string.Empty;

    public static IEnumerable<string> Samples => NhsSamples.Names;

    [GlobalSetup]
    public void Setup()
    {
        _resource = NhsSamples.Load(Sample);

        // The specification is loaded and this type's schema compiled once per process; that is setup, not per resource.
        if (!_mapper.Map(_resource).Succeeded)
        {
            throw new InvalidOperationException($"{Sample} must map: the benchmark measures the accepted path.");
        }
    }

    [Benchmark(Baseline = true, Description = "Parse")]
    public Resource? Parse() => FhirResourceReader.Read<Resource>(_resource).Value;

    [Benchmark(Description = "Parse+Validate")]
    public IReadOnlyList<FhirValidationIssue> ParseAndValidate() => FhirR4Validator.Unlogged.Validate(FhirResourceReader.Read<Resource>(_resource).Value!);

    [Benchmark(Description = "Parse+Validate+Map")]
    public object? ParseValidateMap() => _mapper.Map(_resource).Value;
}
