namespace Hub.IntegrationTests.Infrastructure;

/// <summary>A ledger row as the tests read it straight from Postgres, independent of the router's own reader.</summary>
public sealed record LedgerRow(string Kind, string Outcome, string Source, Guid? EventId, string? Recipient, string[] Released, string[] Withheld, string[] Reasons, Guid? DeliveryId, string? AgreementSetHash);
