using Xunit.Abstractions;
using Xunit.Sdk;

namespace Hub.Adapters.Agencies.Tests.Nhs.Corpus;

/// <summary>
/// xunit 2 skips a whole data attribute or nothing; this discoverer skips one row: a case whose manifest entry says
/// <c>pending: date-precision</c> is reported as skipped with that reason instead of failing until the work lands.
/// </summary>
public sealed class CorpusTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow)
    {
        ArgumentNullException.ThrowIfNull(dataRow);
        var pending = dataRow is [string id, ..] ? CorpusManifest.Default.Find(id).Pending : null;
        return pending is null
            ? base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow)
            : CreateTestCasesForSkippedDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, $"pending: {pending} (issue 18; the lead removes the mark when that work is merged)");
    }
}
