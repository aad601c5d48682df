using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Probation.Assessments;
using Hub.Adapters.Probation.Consents;
using Hub.Adapters.Probation.LeavingCare;
using Hub.Adapters.Probation.Releases;
using Hub.Adapters.Probation.Transfers;
using Hub.Contracts.Consent.V1;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Envelope;

namespace Hub.Adapters.Probation.Sources;

/// <summary>
/// <c>POST /events/{eventType}</c> for the case system's own records (camelCase JSON): each probation-sourced event
/// type takes the record its drop-folder file holds, through the same mapper. Where one record kind yields two event
/// types (a release notice, a consent row), the body must say the one the route names; problems are given in the
/// body's camelCase names.
/// </summary>
public sealed class ProbationHttpMapper : EventTypeRoutedMapper
{
    public ProbationHttpMapper(ProbationMappers mappers)
    {
        ArgumentNullException.ThrowIfNull(mappers);
        Route("custody.release.scheduled", (ReleaseNoticeRecord r) => Expect<ReleaseScheduled>(mappers.Releases.Map(r), "noticeType", "must be NEW for custody.release.scheduled"));
        Route("custody.release.amended", (ReleaseNoticeRecord r) => Expect<ReleaseAmended>(mappers.Releases.Map(r), "noticeType", "must be AMENDED for custody.release.amended"));
        Route("assessment.common.completed", (OasysAssessmentRecord r) => mappers.Assessments.Map(r));
        Route("case.lead-professional.changed", (CaseTransferRecord r) => Camel(mappers.Transfers.Map(r)));
        Route("consent.recorded", (ConsentRecord r) => Expect<ConsentRecorded>(mappers.Consents.Map(r), "action", "must be GIVEN for consent.recorded"));
        Route("consent.withdrawn", (ConsentRecord r) => Expect<ConsentWithdrawn>(mappers.Consents.Map(r), "action", "must be WITHDRAWN for consent.withdrawn"));
        Route("leaving-care.accommodation-need.identified", (LeavingCareReferralRecord r) => Camel(mappers.LeavingCare.Map(r)));
    }

    private static MappingResult<IShareableEvent> Expect<TEvent>(MappingResult<IShareableEvent> result, string field, string problem)
        where TEvent : class, IShareableEvent =>
        result.Value is { } mapped && mapped is not TEvent
            ? MappingResult<IShareableEvent>.Failure([new FieldProblem(field, problem)])
            : Camel(result);

    /// <summary>The mappers name CSV columns (<c>notice_id</c>); an HTTP caller sent <c>noticeId</c>.</summary>
    private static MappingResult<TEvent> Camel<TEvent>(MappingResult<TEvent> result)
        where TEvent : class =>
        result.Succeeded ? result : MappingResult<TEvent>.Failure([.. result.Problems.Select(p => p with { Field = CamelCase(p.Field) })]);

    private static string CamelCase(string field)
    {
        var parts = field.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
